using System.Text.Json.Nodes;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Parameters;
using Signal.Application.Common.Secrets;
using Signal.Application.PipelineIntegrations;

namespace Signal.Application.Pipelines;

/// <summary>
/// The config a pipeline runs for one assignment: the pinned revision's secrets decrypted, then the pipeline's
/// parameters substituted. Shared by the admin view (which then masks) and the processor feed (which does not).
/// </summary>
public sealed class RevisionConfigResolver(ConfigSecrets secrets, IIntegrationCatalog catalog)
{
    public async Task<ResolvedParameters> ResolveAsync(
        string orgId, AssignedConfig assigned, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        var plain = await DecryptAsync(orgId, assigned, cancellationToken);
        return ParameterResolver.Resolve(plain, parameters);
    }

    public Task<JsonObject> DecryptAsync(string orgId, AssignedConfig assigned, CancellationToken cancellationToken) =>
        secrets.UnprotectAsync(orgId, assigned.RevisionId, Vendor(assigned), assigned.StoredConfig, cancellationToken);

    public JsonObject Mask(AssignedConfig assigned, JsonObject resolved) => ConfigSecrets.Mask(Vendor(assigned), resolved);

    private Domain.Catalog.CatalogVendor Vendor(AssignedConfig assigned) =>
        catalog.Find(assigned.Vendor) ?? throw new InvalidOperationException($"Vendor '{assigned.Vendor}' is not in the catalog.");
}
