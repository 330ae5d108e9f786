using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Signal.Domain.Common;
using Signal.Domain.Pipelines;

namespace Signal.Infrastructure.Pipelines;

/// <summary>
/// A <c>pipelines</c> row, its conversions to and from the aggregate, and the statements that read and write it: the one
/// place in Infrastructure that lists a pipeline's columns.
/// </summary>
internal sealed class PipelineRow
{
    public const string Columns = """
        p.id, p.org_id, p.name, p.slug, p.type, p.secret_ciphertext, p.secret_prefix, p.domain_allowlist, p.labels,
        p.rate_limit_rps, p.challenge_token_required, p.parameters, p.config, p.js_builder_config, p.identity_config,
        p.enabled, p.created_at, p.updated_at
        """;

    public const string InsertSql = """
        INSERT INTO pipelines
            (id, org_id, name, slug, type, secret_ciphertext, secret_prefix, domain_allowlist, labels, rate_limit_rps,
             challenge_token_required, parameters, config, js_builder_config, identity_config, enabled, created_at, updated_at)
        VALUES (@Id, @OrgId, @Name, @Slug, @Type, @SecretCiphertext, @SecretPrefix, @DomainAllowlist, @Labels, @RateLimitRps,
                @ChallengeTokenRequired, @Parameters, @Config, @JsBuilderConfig, @IdentityConfig, @Enabled, @CreatedAt, @UpdatedAt)
        """;

    public const string UpdateSql = """
        UPDATE pipelines
        SET name = @Name, slug = @Slug, type = @Type, secret_ciphertext = @SecretCiphertext, secret_prefix = @SecretPrefix,
            domain_allowlist = @DomainAllowlist, labels = @Labels, rate_limit_rps = @RateLimitRps,
            challenge_token_required = @ChallengeTokenRequired, parameters = @Parameters, config = @Config,
            js_builder_config = @JsBuilderConfig, identity_config = @IdentityConfig, enabled = @Enabled,
            updated_at = @UpdatedAt, deleted_at = @DeletedAt
        WHERE org_id = @OrgId AND id = @Id
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

    // The typed jsonb columns are read as their text and deserialised once into what the aggregate holds; only the
    // free-form config is kept as a JSON object.
    public required string Parameters { get; init; }

    public required JsonObject Config { get; init; }

    public required string JsBuilderConfig { get; init; }

    public required string IdentityConfig { get; init; }

    public bool Enabled { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public Pipeline ToPipeline() => Pipeline.Rehydrate(
        Id,
        OrgId,
        new PipelineFields(
            Name,
            Slug,
            WireNames.Parse<PipelineType>(Type),
            DomainAllowlist,
            Labels,
            RateLimitRps,
            ChallengeTokenRequired,
            JsonSerializer.Deserialize<Dictionary<string, string>>(Parameters)!,
            Config,
            JsonSerializer.Deserialize<JsBuilderFields>(JsBuilderConfig, Json),
            JsonSerializer.Deserialize<IdentityFields>(IdentityConfig, Json),
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
