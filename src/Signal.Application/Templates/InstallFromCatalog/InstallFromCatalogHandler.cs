using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;
using Signal.Application.Common.Secrets;
using Signal.Domain.Catalog;
using Signal.Domain.Common;
using Signal.Domain.Templates;

namespace Signal.Application.Templates.InstallFromCatalog;

public sealed class InstallFromCatalogHandler(
    IIntegrationCatalog catalog,
    ITemplateRepository templates,
    ConfigSecrets secrets,
    ICurrentUser user,
    TimeProvider time) : ICommandHandler<InstallFromCatalogCommand, InstallFromCatalogResponse>
{
    public async ValueTask<InstallFromCatalogResponse> Handle(InstallFromCatalogCommand command, CancellationToken cancellationToken)
    {
        var vendor = catalog.Find(command.Vendor) ?? throw new NotFoundException("Catalog vendor", command.Vendor);
        var variant = vendor.FindVariant(command.Variant ?? CatalogVariant.DefaultKey)
            ?? throw ValidationFailedException.For("variant", $"must be one of: {string.Join(", ", vendor.Variants.Select(v => v.Key))}");

        var config = VendorConfig.ForInstall(vendor, variant, command.Config);
        var problems = VendorConfig.FindProblems(vendor, config);
        if (problems.Count > 0)
        {
            throw new ValidationFailedException(problems);
        }

        var now = time.GetUtcNow();
        var template = Template.Create(user.OrgId, command.Name, vendor.Key, command.Description, variant.Key, now);
        var revisionId = Ids.New(Revision.IdPrefix, now);
        var stored = await secrets.ProtectAsync(user.OrgId, revisionId, vendor, config, cancellationToken);
        var revision = template.AddRevision(
            revisionId,
            stored,
            command.DeliveryMode ?? DeliveryMode.ServerSide,
            $"Initial setup from catalog: {vendor.Name} ({variant.Key} variant)",
            user.UserId,
            now);
        await templates.AddAsync(template, cancellationToken);

        return new InstallFromCatalogResponse(template.ToResponse(), revision.ToResponse(ConfigSecrets.Mask(vendor, config)));
    }
}
