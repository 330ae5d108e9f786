using System.Text.Json.Nodes;

namespace Signal.Domain.Pipelines;

/// <summary>How the JavaScript collector is built (seed 003, "JS Builder Configuration"), with the seed's defaults.</summary>
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

/// <summary>Cross-domain identity settings (seed 003, "Identity Configuration"), with the seed's defaults.</summary>
public sealed record IdentityConfig(bool CrossDomainEnabled, IReadOnlyList<string> CrossDomainDomains, JsonObject VendorSync)
{
    public static IdentityConfig Default => new(false, [], []);
}
