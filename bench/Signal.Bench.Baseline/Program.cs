using Npgsql;

// The baseline of bench/run: GET /pipelines/{id} runs the same SQL as the product's GET /v1/admin/pipelines/{id}
// with raw Npgsql and writes the row as JSON by hand; GET /not-modified answers 304 from memory. No auth, no
// mediator, no validation: what the product is measured against.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var dataSource = new NpgsqlDataSourceBuilder(builder.Configuration.GetConnectionString("Signal")
    ?? throw new InvalidOperationException("ConnectionStrings:Signal is not set.")).Build();
var app = builder.Build();

const string Sql = """
    SELECT p.id, p.org_id, p.name, p.slug, p.type, p.secret_ciphertext, p.secret_prefix, p.domain_allowlist, p.labels,
           p.rate_limit_rps, p.challenge_token_required, p.parameters, p.config, p.js_builder_config, p.identity_config,
           p.enabled, p.created_at, p.updated_at
    FROM pipelines p
    WHERE p.org_id = $1 AND p.id = $2 AND p.deleted_at IS NULL
    """;

app.MapGet("/pipelines/{id}", async (string id, HttpContext context, CancellationToken cancellationToken) =>
{
    await using var command = dataSource.CreateCommand(Sql);
    command.Parameters.Add(new NpgsqlParameter { Value = context.Request.Query["org"].ToString() });
    command.Parameters.Add(new NpgsqlParameter { Value = id });
    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
    if (!await reader.ReadAsync(cancellationToken))
    {
        return Results.NotFound();
    }

    var row = new Dictionary<string, object?>(reader.FieldCount);
    for (var i = 0; i < reader.FieldCount; i++)
    {
        row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetFieldType(i) == typeof(string) ? reader.GetString(i) : reader.GetValue(i).ToString();
    }

    return Results.Json(row);
});

app.MapGet("/not-modified", () => Results.StatusCode(StatusCodes.Status304NotModified));

await app.RunAsync();
