using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;
using Signal.Application.Common.Secrets;
using Signal.Domain.Catalog;
using Signal.Domain.Common;
using Signal.Domain.Templates;

namespace Signal.Application.Templates.CreateRevision;

public sealed class CreateRevisionHandler(
    ITemplateRepository templates,
    IIntegrationCatalog catalog,
    ConfigSecrets secrets,
    ICurrentUser user,
    TimeProvider time) : ICommandHandler<CreateRevisionCommand, RevisionResponse>
{
    public async ValueTask<RevisionResponse> Handle(CreateRevisionCommand command, CancellationToken cancellationToken)
    {
        // The row lock serialises concurrent creates on one template, so numbers come out 1, 2, 3… with no gaps.
        var (template, latest) = await templates.FindForUpdateAsync(user.OrgId, command.TemplateId, cancellationToken)
            ?? throw new NotFoundException("Integration template", command.TemplateId);
        var vendor = catalog.Find(template.Vendor)
            ?? throw new InvalidOperationException($"Vendor '{template.Vendor}' of template {template.Id} is not in the catalog.");

        var config = command.Config.DeepClone().AsObject();
        if (latest is not null)
        {
            var latestPlain = await secrets.UnprotectAsync(user.OrgId, latest.Id, vendor, latest.Config, cancellationToken);
            ConfigSecrets.KeepUnchangedSecrets(vendor, config, latestPlain);
        }

        var problems = VendorConfig.FindProblems(vendor, config);
        if (problems.Count > 0)
        {
            throw new ValidationFailedException(problems);
        }

        var now = time.GetUtcNow();
        var revisionId = Ids.New(Revision.IdPrefix, now);
        var stored = await secrets.ProtectAsync(user.OrgId, revisionId, vendor, config, cancellationToken);
        var revision = template.AddRevision(
            revisionId, stored, command.DeliveryMode, command.ChangeSummary, user.UserId, now);
        await templates.SaveAsync(template, cancellationToken);
        return revision.ToResponse(ConfigSecrets.Mask(vendor, config));
    }
}
