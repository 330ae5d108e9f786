using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;
using Signal.Domain.Catalog;

namespace Signal.Application.Templates.CreateRevision;

public sealed class CreateRevisionHandler(
    ITemplateRepository templates,
    IIntegrationCatalog catalog,
    ICurrentUser user,
    TimeProvider time) : ICommandHandler<CreateRevisionCommand, RevisionResponse>
{
    public async ValueTask<RevisionResponse> Handle(CreateRevisionCommand command, CancellationToken cancellationToken)
    {
        // The row lock serialises concurrent creates on one template, so numbers come out 1, 2, 3… with no gaps.
        var template = await templates.FindForNewRevisionAsync(user.OrgId, command.TemplateId, cancellationToken)
            ?? throw new NotFoundException("Integration template", command.TemplateId);
        var vendor = catalog.Require(template.Vendor);

        var revision = template.AddRevision(
            vendor, command.Config, command.DeliveryMode, command.ChangeSummary, user.UserId, time.GetUtcNow());
        await templates.SaveAsync(template, cancellationToken);
        return revision.ToResponse(ConfigSecrets.Masked(vendor, revision.Config));
    }
}
