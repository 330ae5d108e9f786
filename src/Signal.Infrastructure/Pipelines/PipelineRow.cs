using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Signal.Application.Common;
using Signal.Domain.Pipelines;

namespace Signal.Infrastructure.Pipelines;

/// <summary>A <c>pipelines</c> row and its conversions to and from the aggregate.</summary>
internal sealed class PipelineRow
{
    public const string Columns = """
        p.id, p.org_id, p.name, p.slug, p.type, p.secret_ciphertext, p.secret_prefix, p.domain_allowlist, p.labels,
        p.rate_limit_rps, p.challenge_token_required, p.parameters, p.config, p.js_builder_config, p.identity_config,
        p.enabled, p.created_at, p.updated_at
        """;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    public required string Id { get; init; }

    public required string OrgId { get; init; }

    public required string Name { get; init; }

    public required string Slug { get; init; }

    public required string Type { get; init; }

    public required string SecretCiphertext { get; init; }

    public required string SecretPrefix { get; init; }

    public required string[] DomainAllowlist { get; init; }

    public required string[] Labels { get; init; }

    public int RateLimitRps { get; init; }

    public bool ChallengeTokenRequired { get; init; }

    public required JsonObject Parameters { get; init; }

    public required JsonObject Config { get; init; }

    public required JsonObject JsBuilderConfig { get; init; }

    public required JsonObject IdentityConfig { get; init; }

    public bool Enabled { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public Pipeline ToPipeline() => Pipeline.Rehydrate(
        Id,
        OrgId,
        new PipelineSettings(
            Name,
            Slug,
            WireNames.TryParse<PipelineType>(Type, out var type) ? type : throw new InvalidOperationException($"Unknown pipeline type '{Type}'."),
            DomainAllowlist,
            Labels,
            RateLimitRps,
            ChallengeTokenRequired,
            Parameters.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal),
            Config,
            JsBuilderConfig.Deserialize<Domain.Pipelines.JsBuilderConfig>(Json),
            IdentityConfig.Deserialize<Domain.Pipelines.IdentityConfig>(Json),
            Enabled),
        SecretCiphertext,
        SecretPrefix,
        CreatedAt,
        UpdatedAt);

    /// <summary>The statement parameters of a pipeline, named like the columns.</summary>
    public static object ParametersOf(Pipeline pipeline) => new
    {
        pipeline.Id,
        pipeline.OrgId,
        pipeline.Name,
        pipeline.Slug,
        Type = WireNames.Of(pipeline.Type),
        pipeline.SecretCiphertext,
        pipeline.SecretPrefix,
        DomainAllowlist = pipeline.DomainAllowlist.ToArray(),
        Labels = pipeline.Labels.ToArray(),
        pipeline.RateLimitRps,
        pipeline.ChallengeTokenRequired,
        Parameters = JsonSerializer.SerializeToNode(pipeline.Parameters)!.AsObject(),
        pipeline.Config,
        JsBuilderConfig = JsonSerializer.SerializeToNode(pipeline.JsBuilderConfig, Json)!.AsObject(),
        IdentityConfig = JsonSerializer.SerializeToNode(pipeline.IdentityConfig, Json)!.AsObject(),
        pipeline.Enabled,
        pipeline.CreatedAt,
        pipeline.UpdatedAt,
        pipeline.DeletedAt,
    };
}
