using System.Text.Json.Nodes;
using Signal.Domain.Parameters;

namespace Signal.Domain.Catalog;

/// <summary>
/// The secret fields of a config: those the vendor declares <c>secret</c>, holding a value that is not a pipeline
/// parameter reference (a reference names a secret, it is not one). How they are shown, and the masked round trip.
/// Sealing them for storage is not a domain concern: the repository does it when a revision is saved.
/// </summary>
public static class ConfigSecrets
{
    public const string MaskDots = "••••";
    private const int MinLengthToShowTail = 12;

    /// <summary><c>••••</c> and the last four characters, or only the dots when the value is too short for the last four to be a small part of it.</summary>
    public static string MaskOf(string plaintext) =>
        plaintext.Length < MinLengthToShowTail ? MaskDots : MaskDots + plaintext[^4..];

    /// <summary>The secret values of <paramref name="config"/>, by field key.</summary>
    public static IReadOnlyList<(string Key, string Value)> ValuesOf(CatalogVendor vendor, JsonObject config) =>
        vendor.ConfigFields
            .Where(f => f.IsSecret)
            .Select(f => (f.Key, Value: config[f.Key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null))
            .Where(p => !string.IsNullOrEmpty(p.Value) && !ParameterReference.IsExactly(p.Value))
            .Select(p => (p.Key, p.Value!))
            .ToList();

    /// <summary>
    /// A secret field's value as it may be shown: its mask when it is a secret, as it is when it is a parameter
    /// reference or not a string (the vendor's field rules report that), null when absent.
    /// </summary>
    public static JsonNode? MaskedValue(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var text) && text.Length > 0 && !ParameterReference.IsExactly(text)
            ? JsonValue.Create(MaskOf(text))
            : value?.DeepClone();

    /// <summary>A copy of a plaintext config with every secret masked: what the admin API shows.</summary>
    public static JsonObject Masked(CatalogVendor vendor, JsonObject plain)
    {
        var masked = plain.DeepClone().AsObject();
        foreach (var (key, value) in ValuesOf(vendor, plain))
        {
            masked[key] = MaskOf(value);
        }

        return masked;
    }

    /// <summary>
    /// The masked round trip: a secret sent back exactly as the latest revision shows it keeps that revision's value,
    /// so clients can resubmit a config without knowing its secrets.
    /// </summary>
    public static void KeepUnchanged(CatalogVendor vendor, JsonObject incoming, JsonObject latestPlain)
    {
        foreach (var (key, value) in ValuesOf(vendor, latestPlain))
        {
            if (incoming[key] is JsonValue sent && sent.TryGetValue<string>(out var text) && text == MaskOf(value))
            {
                incoming[key] = value;
            }
        }
    }
}
