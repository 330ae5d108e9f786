using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Secrets;
using Signal.Domain.Templates;

namespace Signal.Application.Templates;

/// <summary>Turns stored revisions into responses: secrets decrypted only to be masked.</summary>
public sealed class RevisionPresenter(ConfigSecrets secrets, IIntegrationCatalog catalog)
{
    public async Task<RevisionResponse> PresentAsync(Revision revision, string vendorKey, CancellationToken cancellationToken)
    {
        var vendor = catalog.Find(vendorKey)
            ?? throw new InvalidOperationException($"Vendor '{vendorKey}' of template {revision.IntegrationId} is not in the catalog.");
        var plain = await secrets.UnprotectAsync(revision.OrgId, revision.Id, vendor, revision.Config, cancellationToken);
        return revision.ToResponse(ConfigSecrets.Mask(vendor, plain));
    }
}
