using System.Text.Json.Nodes;
using Signal.Domain.Pipelines;

namespace Signal.Application.Pipelines;

/// <summary>The settable fields of a pipeline as a client sends them (create and update); null means "not sent".</summary>
public interface IPipelineFields
{
    string? Name { get; }

    string? Slug { get; }

    PipelineType? Type { get; }

    IReadOnlyList<string>? DomainAllowlist { get; }

    IReadOnlyList<string>? Labels { get; }

    int? RateLimitRps { get; }

    bool? ChallengeTokenRequired { get; }

    IReadOnlyDictionary<string, string>? Parameters { get; }

    JsonObject? Config { get; }

    JsBuilderFields? JsBuilderConfig { get; }

    IdentityFields? IdentityConfig { get; }

    bool? Enabled { get; }
}

/// <summary>Collector settings as sent; absent fields keep their current (or default) value.</summary>
public sealed record JsBuilderFields(
    string? ScriptFilename = null,
    string? GlobalVariable = null,
    DeliveryMethod? DeliveryMethod = null,
    JsonObject? VendorSyncs = null,
    JsonObject? ConsentConfig = null,
    bool? CrossDomain = null);

/// <summary>Identity settings as sent; absent fields keep their current (or default) value.</summary>
public sealed record IdentityFields(
    bool? CrossDomainEnabled = null,
    IReadOnlyList<string>? CrossDomainDomains = null,
    JsonObject? VendorSync = null);
