using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;

namespace Signal.Bench.Baseline;

/// <summary>
/// GET pipeline as plain Npgsql: the product's statement (the secret's ciphertext is read, as the product reads it, and not
/// written), prepared on every physical connection as the product's automatic preparation does, read into a record that
/// System.Text.Json's source generator writes.
/// </summary>
public static class PipelineReader
{
    private const string PipelineSql = """
        SELECT p.id, p.org_id, p.name, p.slug, p.type, p.secret_ciphertext, p.secret_prefix, p.domain_allowlist, p.labels,
               p.rate_limit_rps, p.challenge_token_required, p.parameters, p.config, p.js_builder_config, p.identity_config,
               p.enabled, p.created_at, p.updated_at
        FROM pipelines p
        WHERE p.org_id = @OrgId AND p.id = @Id AND p.deleted_at IS NULL
        """;

    public static async Task<PipelineJson?> ReadAsync(NpgsqlDataSource dataSource, string org, string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(PipelineSql, connection);
        command.Parameters.AddWithValue("OrgId", org);
        command.Parameters.AddWithValue("Id", id);
        await command.PrepareAsync(cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new PipelineJson(
            reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(6),
            reader.GetFieldValue<string[]>(7), reader.GetFieldValue<string[]>(8), reader.GetInt32(9), reader.GetBoolean(10),
            reader.GetFieldValue<JsonElement>(11), reader.GetFieldValue<JsonElement>(12), reader.GetFieldValue<JsonElement>(13),
            reader.GetFieldValue<JsonElement>(14), reader.GetBoolean(15), reader.GetFieldValue<DateTimeOffset>(16), reader.GetFieldValue<DateTimeOffset>(17));
    }

    /// <summary>The product's connection settings, on a connection string that names the database.</summary>
    public static NpgsqlDataSource DataSource(IConfiguration configuration) =>
        new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Signal")
            ?? throw new InvalidOperationException("ConnectionStrings:Signal is not set."))
        {
            // Plans for the values at hand, and no session reset when a connection goes back to the pool (a reset is
            // several statements per request, and would drop nothing this code leaves behind).
            Options = "-c plan_cache_mode=force_custom_plan",
            NoResetOnClose = true,
        }.ConnectionString).Build();
}

public sealed record PipelineJson(
    string Id, string OrgId, string Name, string Slug, string Type, string SecretPrefix, string[] DomainAllowlist, string[] Labels,
    int RateLimitRps, bool ChallengeTokenRequired, JsonElement Parameters, JsonElement Config, JsonElement JsBuilderConfig,
    JsonElement IdentityConfig, bool Enabled, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record SummaryJson(
    string Id, string Name, string Slug, string Type, string[] Labels, bool Enabled, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record PageJson(IReadOnlyList<SummaryJson> Pipelines, long Total, int Limit, int Offset);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(PipelineJson))]
[JsonSerializable(typeof(PageJson))]
public sealed partial class BaselineJson : JsonSerializerContext;
