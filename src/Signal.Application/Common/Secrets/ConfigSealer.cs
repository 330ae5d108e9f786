using System.Text.Json.Nodes;
using Signal.Application.Common.Abstractions;
using Signal.Domain.Catalog;

namespace Signal.Application.Common.Secrets;

/// <summary>
/// Seals the secret values of a config for storage (encrypted and bound to the organisation, the revision and the
/// field) and opens them again for use. A pipeline parameter reference in a secret field is not a secret and stays as it is.
/// </summary>
public sealed class ConfigSealer(ISecretProtector protector)
{
    /// <summary>A copy of <paramref name="plain"/> with every secret value encrypted.</summary>
    public async Task<JsonObject> SealAsync(
        string orgId, string revisionId, CatalogVendor vendor, JsonObject plain, CancellationToken cancellationToken)
    {
        var sealedConfig = plain.DeepClone().AsObject();
        foreach (var (key, value) in ConfigSecrets.ValuesOf(vendor, plain))
        {
            sealedConfig[key] = await protector.ProtectAsync(new SecretScope(orgId, revisionId, key), value, cancellationToken);
        }

        return sealedConfig;
    }

    /// <summary>A copy of a stored config with every secret decrypted.</summary>
    public async Task<JsonObject> OpenAsync(
        string orgId, string revisionId, CatalogVendor vendor, JsonObject stored, CancellationToken cancellationToken)
    {
        var plain = stored.DeepClone().AsObject();
        foreach (var (key, value) in ConfigSecrets.ValuesOf(vendor, stored))
        {
            plain[key] = await protector.UnprotectAsync(new SecretScope(orgId, revisionId, key), value, cancellationToken);
        }

        return plain;
    }
}
