using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;
using Signal.Domain.Catalog;
using Signal.Domain.Templates;

namespace Signal.Application.Templates.InstallFromCatalog;

public sealed class InstallFromCatalogHandler(
    IIntegrationCatalog catalog,
    ITemplateRepository templates,
    ICurrentUser user,
    TimeProvider time) : ICommandHandler<InstallFromCatalogCommand, InstallFromCatalogResponse>
{
    public async ValueTask<InstallFromCatalogResponse> Handle(InstallFromCatalogCommand command, CancellationToken cancellationToken)
    {
        var vendor = catalog.Find(command.Vendor) ?? throw new NotFoundException("Catalog vendor", command.Vendor);
        var template = Template.Install(user.OrgId, command.Name, vendor, command.Variant, command.Config, command.DeliveryMode,
            command.Description, user.UserId, time.GetUtcNow());
        await templates.AddAsync(template, cancellationToken);

        var revision = template.Latest!;
        return new InstallFromCatalogResponse(template.ToResponse(), revision.ToResponse(ConfigSecrets.Masked(vendor, revision.Config)));
    }
}
