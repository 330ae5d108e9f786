using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using Signal.Application.Common.Sorting;
using Signal.Application.Pipelines;
using Signal.Infrastructure.Pipelines;

// The baseline of bench/run: the fastest plain ASP.NET Core + Npgsql code for the product's requests, to measure the
// product against. GET /pipelines/{id} runs the same SQL as GET /v1/admin/pipelines/{id} (the secret's ciphertext is
// read, as the product reads it, and not written); GET /pipelines?search=&label=
// runs the list's own two statements (count and page) of GET /v1/admin/pipelines; both prepare their statements (on
// every physical connection, as the product's automatic preparation does) and write JSON with System.Text.Json source
// generation. GET /not-modified answers 304 from memory. No auth, no mediator, no validation.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, BaselineJson.Default));
var connectionString = new NpgsqlConnectionStringBuilder(builder.Configuration.GetConnectionString("Signal")
    ?? throw new InvalidOperationException("ConnectionStrings:Signal is not set."))
{
    // The product's connection settings: plans for the values at hand, and no session reset when a connection goes back
    // to the pool (a reset is several statements per request, and would drop nothing this code leaves behind).
    Options = "-c plan_cache_mode=force_custom_plan",
    NoResetOnClose = true,
};
var dataSource = new NpgsqlDataSourceBuilder(connectionString.ConnectionString).Build();
var app = builder.Build();

const string PipelineSql = """
    SELECT p.id, p.org_id, p.name, p.slug, p.type, p.secret_ciphertext, p.secret_prefix, p.domain_allowlist, p.labels,
           p.rate_limit_rps, p.challenge_token_required, p.parameters, p.config, p.js_builder_config, p.identity_config,
           p.enabled, p.created_at, p.updated_at
    FROM pipelines p
    WHERE p.org_id = @OrgId AND p.id = @Id AND p.deleted_at IS NULL
    """;

app.MapGet("/pipelines/{id}", async (string id, string org, CancellationToken cancellationToken) =>
{
    await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
    await using var command = new NpgsqlCommand(PipelineSql, connection);
    command.Parameters.AddWithValue("OrgId", org);
    command.Parameters.AddWithValue("Id", id);
    await command.PrepareAsync(cancellationToken);
    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
    if (!await reader.ReadAsync(cancellationToken))
    {
        return Results.NotFound();
    }

    return Results.Json(new PipelineJson(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(6),
        reader.GetFieldValue<string[]>(7), reader.GetFieldValue<string[]>(8), reader.GetInt32(9), reader.GetBoolean(10),
        reader.GetFieldValue<JsonElement>(11), reader.GetFieldValue<JsonElement>(12), reader.GetFieldValue<JsonElement>(13),
        reader.GetFieldValue<JsonElement>(14), reader.GetBoolean(15), reader.GetFieldValue<DateTimeOffset>(16), reader.GetFieldValue<DateTimeOffset>(17)),
        BaselineJson.Default.PipelineJson);
});

app.MapGet("/pipelines", async (string org, string? search, string? label, CancellationToken cancellationToken) =>
{
    var filter = new PipelineFilter(search, null, label is null ? [] : [label], null, ListSort.Default, 50, 0);
    await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
    await using var command = new NpgsqlCommand(
        $"SELECT count(*) FROM pipelines p WHERE {PipelineQueries.WhereClause(filter)};\n{PipelineQueries.PageSql(filter)}", connection);
    command.Parameters.AddWithValue("OrgId", org);
    command.Parameters.AddWithValue("Pattern", search is null ? DBNull.Value : $"%{search}%");
    command.Parameters.AddWithValue("Labels", filter.Labels.ToArray());
    command.Parameters.AddWithValue("Limit", filter.Limit);
    command.Parameters.AddWithValue("Offset", filter.Offset);
    await command.PrepareAsync(cancellationToken);
    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
    await reader.ReadAsync(cancellationToken);
    var total = reader.GetInt64(0);
    await reader.NextResultAsync(cancellationToken);
    var page = new List<SummaryJson>(filter.Limit);
    while (await reader.ReadAsync(cancellationToken))
    {
        page.Add(new SummaryJson(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
            reader.GetFieldValue<string[]>(4), reader.GetBoolean(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7)));
    }

    return Results.Json(new PageJson(page, total, filter.Limit, filter.Offset), BaselineJson.Default.PageJson);
});

app.MapGet("/not-modified", () => Results.StatusCode(StatusCodes.Status304NotModified));

await app.RunAsync();

internal sealed record PipelineJson(
    string Id, string OrgId, string Name, string Slug, string Type, string SecretPrefix, string[] DomainAllowlist, string[] Labels,
    int RateLimitRps, bool ChallengeTokenRequired, JsonElement Parameters, JsonElement Config, JsonElement JsBuilderConfig,
    JsonElement IdentityConfig, bool Enabled, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

internal sealed record SummaryJson(
    string Id, string Name, string Slug, string Type, string[] Labels, bool Enabled, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

internal sealed record PageJson(IReadOnlyList<SummaryJson> Pipelines, long Total, int Limit, int Offset);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(PipelineJson))]
[JsonSerializable(typeof(PageJson))]
internal sealed partial class BaselineJson : JsonSerializerContext;
