using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Secrets;
using Signal.Domain.Catalog;

namespace Signal.Application.Templates;

/// <summary>Turns stored revisions into responses: secrets opened only to be masked.</summary>
public sealed class RevisionPresenter(ConfigSealer sealer, IIntegrationCatalog catalog)
{
    public async Task<RevisionResponse> PresentAsync(StoredRevision revision, string vendorKey, CancellationToken cancellationToken)
    {
        var vendor = catalog.Require(vendorKey);
        var plain = await sealer.OpenAsync(revision.OrgId, revision.Id, vendor, revision.SealedConfig, cancellationToken);
        return revision.ToResponse(ConfigSecrets.Masked(vendor, plain));
    }
}
