using System.Text.Json.Nodes;

namespace Signal.Domain.Pipelines;

/// <summary>How the JavaScript collector is built, with its defaults (docs/collector.md).</summary>
public sealed record JsBuilderConfig(
    string ScriptFilename,
    string GlobalVariable,
    DeliveryMethod DeliveryMethod,
    JsonObject VendorSyncs,
    JsonObject ConsentConfig,
    bool CrossDomain)
{
    public static JsBuilderConfig Default => new("d.js", "_df", DeliveryMethod.Cdn, [], [], false);
}

/// <summary>Cross-domain identity settings, with their defaults (all off, no domains).</summary>
public sealed record IdentityConfig(bool CrossDomainEnabled, IReadOnlyList<string> CrossDomainDomains, JsonObject VendorSync)
{
    public static IdentityConfig Default => new(false, [], []);
}

/// <summary>Collector settings as sent; absent fields keep their current (or default) value.</summary>
public sealed record JsBuilderFields(
    string? ScriptFilename = null,
    string? GlobalVariable = null,
    DeliveryMethod? DeliveryMethod = null,
    JsonObject? VendorSyncs = null,
    JsonObject? ConsentConfig = null,
    bool? CrossDomain = null)
{
    /// <summary>These fields over <paramref name="current"/>.</summary>
    public JsBuilderConfig Over(JsBuilderConfig current) => new(
        ScriptFilename ?? current.ScriptFilename,
        GlobalVariable ?? current.GlobalVariable,
        DeliveryMethod ?? current.DeliveryMethod,
        VendorSyncs ?? current.VendorSyncs,
        ConsentConfig ?? current.ConsentConfig,
        CrossDomain ?? current.CrossDomain);
}

/// <summary>Identity settings as sent; absent fields keep their current (or default) value.</summary>
public sealed record IdentityFields(
    bool? CrossDomainEnabled = null,
    IReadOnlyList<string>? CrossDomainDomains = null,
    JsonObject? VendorSync = null)
{
    /// <summary>These fields over <paramref name="current"/>.</summary>
    public IdentityConfig Over(IdentityConfig current) => new(
        CrossDomainEnabled ?? current.CrossDomainEnabled,
        CrossDomainDomains ?? current.CrossDomainDomains,
        VendorSync ?? current.VendorSync);
}
