using System.Text.Json.Nodes;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Parameters;
using Signal.Application.Common.Secrets;
using Signal.Application.PipelineIntegrations;
using Signal.Domain.Catalog;

namespace Signal.Application.Pipelines;

/// <summary>
/// The config a pipeline runs for one pipeline integration: the pinned revision's secrets decrypted, then the pipeline's
/// parameters substituted. Shared by the admin view (which then masks) and the processor feed (which does not).
/// </summary>
public sealed class RevisionConfigResolver(ConfigSealer sealer, IIntegrationCatalog catalog)
{
    public async Task<ResolvedParameters> ResolveAsync(
        string orgId, PinnedConfig assigned, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        var plain = await DecryptAsync(orgId, assigned, cancellationToken);
        return ParameterResolver.Resolve(plain, parameters);
    }

    public Task<JsonObject> DecryptAsync(string orgId, PinnedConfig assigned, CancellationToken cancellationToken) =>
        DecryptAsync(orgId, assigned.RevisionId, assigned.Vendor, assigned.StoredConfig, cancellationToken);

    /// <summary>A revision's config as stored (<paramref name="sealedConfig"/>), its secret values decrypted.</summary>
    public Task<JsonObject> DecryptAsync(string orgId, string revisionId, string vendor, JsonObject sealedConfig, CancellationToken cancellationToken) =>
        sealer.OpenAsync(orgId, revisionId, catalog.Require(vendor), sealedConfig, cancellationToken);

    public JsonObject Mask(PinnedConfig assigned, JsonObject resolved) => ConfigSecrets.Masked(catalog.Require(assigned.Vendor), resolved);
}
