using Signal.Application.Common.Sorting;
using Signal.Application.Pipelines;
using Signal.Bench.Baseline;
using Signal.Infrastructure.Pipelines;

// The baselines of bench/run, to measure the product against.
// Bare (the default): the fastest plain ASP.NET Core + Npgsql code for the product's requests. GET /pipelines/{id}
// runs the same SQL as GET /v1/admin/pipelines/{id}; GET /pipelines?search=&label= runs the list's own two statements
// (count and page) of GET /v1/admin/pipelines; both prepare their statements and write JSON with System.Text.Json
// source generation. GET /not-modified answers 304 from memory, GET /ready 200 once the host listens. No auth, no mediator, no validation, no telemetry.
// Stack=true: the stack's floor (StackFloor.cs) — the same GET pipeline behind the product's framework layers.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, BaselineJson.Default));
var dataSource = PipelineReader.DataSource(builder.Configuration);
builder.Services.AddSingleton(dataSource);
var stack = builder.Configuration.GetValue<bool>(StackFloor.Setting);
if (stack)
{
    builder.AddStackFloor();
}

var app = builder.Build();
app.MapGet("/ready", () => Results.Ok());
if (stack)
{
    app.UseStackFloor();
    await app.RunAsync();
    return;
}

app.MapGet("/pipelines/{id}", async (string id, string org, CancellationToken cancellationToken) =>
    await PipelineReader.ReadAsync(dataSource, org, id, cancellationToken) is { } pipeline
        ? Results.Json(pipeline, BaselineJson.Default.PipelineJson)
        : Results.NotFound());

app.MapGet("/pipelines", async (string org, string? search, string? label, CancellationToken cancellationToken) =>
{
    var filter = new PipelineFilter(search, null, label is null ? [] : [label], null, ListSort.Default, 50, 0);
    await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
    await using var command = new Npgsql.NpgsqlCommand(
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
