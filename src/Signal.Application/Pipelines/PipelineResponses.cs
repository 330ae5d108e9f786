using System.Text.Json.Nodes;
using Signal.Domain.Pipelines;

namespace Signal.Application.Pipelines;

/// <summary>A pipeline; the key secret itself is never part of it.</summary>
public class PipelineResponse
{
    public required string Id { get; init; }

    public required string OrgId { get; init; }

    public required string Name { get; init; }

    public required string Slug { get; init; }

    public required PipelineType Type { get; init; }

    public required string PipelineKey { get; init; }

    public required string PipelineKeySecretPrefix { get; init; }

    public required IReadOnlyList<string> DomainAllowlist { get; init; }

    public required IReadOnlyList<string> Labels { get; init; }

    public required int RateLimitRps { get; init; }

    public required bool ChallengeTokenRequired { get; init; }

    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    public required JsonObject Config { get; init; }

    public required JsBuilderConfigResponse JsBuilderConfig { get; init; }

    public required IdentityConfigResponse IdentityConfig { get; init; }

    public required bool Enabled { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>The create response: the pipeline and, this once, its key secret.</summary>
public sealed class CreatedPipelineResponse : PipelineResponse
{
    /// <summary>Returned only here and by rotate-secret; store it, it cannot be read again.</summary>
    public required string PipelineKeySecret { get; init; }
}

public sealed record JsBuilderConfigResponse(
    string ScriptFilename,
    string GlobalVariable,
    DeliveryMethod DeliveryMethod,
    JsonObject VendorSyncs,
    JsonObject ConsentConfig,
    bool CrossDomain);

public sealed record IdentityConfigResponse(bool CrossDomainEnabled, IReadOnlyList<string> CrossDomainDomains, JsonObject VendorSync);

/// <summary>A pipeline in a list.</summary>
public sealed record PipelineSummary(
    string Id,
    string Name,
    string Slug,
    PipelineType Type,
    string PipelineKey,
    IReadOnlyList<string> Labels,
    bool Enabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
