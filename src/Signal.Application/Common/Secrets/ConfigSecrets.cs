using System.Text.Json.Nodes;
using Signal.Application.Common.Abstractions;
using Signal.Domain.Catalog;
using Signal.Domain.Parameters;

namespace Signal.Application.Common.Secrets;

/// <summary>
/// The secret fields of a config (those the vendor declares <c>secret</c>): encrypted for storage, decrypted for use,
/// masked for display. A pipeline parameter reference in a secret field is not a secret and is kept as it is.
/// </summary>
public sealed class ConfigSecrets(ISecretProtector protector)
{
    /// <summary>A copy of <paramref name="plain"/> with every secret value encrypted and bound to the revision.</summary>
    public async Task<JsonObject> ProtectAsync(
        string orgId, string revisionId, CatalogVendor vendor, JsonObject plain, CancellationToken cancellationToken)
    {
        var stored = plain.DeepClone().AsObject();
        foreach (var (key, value) in SecretValues(vendor, plain))
        {
            stored[key] = await protector.ProtectAsync(new SecretScope(orgId, revisionId, key), value, cancellationToken);
        }

        return stored;
    }

    /// <summary>A copy of a stored config with every secret decrypted.</summary>
    public async Task<JsonObject> UnprotectAsync(
        string orgId, string revisionId, CatalogVendor vendor, JsonObject stored, CancellationToken cancellationToken)
    {
        var plain = stored.DeepClone().AsObject();
        foreach (var (key, value) in SecretValues(vendor, stored))
        {
            plain[key] = await protector.UnprotectAsync(new SecretScope(orgId, revisionId, key), value, cancellationToken);
        }

        return plain;
    }

    /// <summary>A copy of a plaintext config with every secret masked: what the admin API shows.</summary>
    public static JsonObject Mask(CatalogVendor vendor, JsonObject plain)
    {
        var masked = plain.DeepClone().AsObject();
        foreach (var (key, value) in SecretValues(vendor, plain))
        {
            masked[key] = SecretMask.Of(value);
        }

        return masked;
    }

    /// <summary>
    /// The masked round trip (docs/secrets.md): a secret sent back exactly as the latest revision shows it keeps that
    /// revision's value, so clients can resubmit a config without knowing its secrets.
    /// </summary>
    public static void KeepUnchangedSecrets(CatalogVendor vendor, JsonObject incoming, JsonObject latestPlain)
    {
        foreach (var (key, value) in SecretValues(vendor, latestPlain))
        {
            if (incoming[key] is JsonValue sent && sent.TryGetValue<string>(out var text) && text == SecretMask.Of(value))
            {
                incoming[key] = value;
            }
        }
    }

    private static List<(string Key, string Value)> SecretValues(CatalogVendor vendor, JsonObject config) =>
        vendor.ConfigFields
            .Where(f => f.IsSecret)
            .Select(f => (f.Key, Value: config[f.Key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null))
            .Where(p => !string.IsNullOrEmpty(p.Value) && !ParameterReference.IsExactly(p.Value))
            .Select(p => (p.Key, p.Value!))
            .ToList();
}
