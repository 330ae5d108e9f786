using System.Diagnostics;
using System.Globalization;
using Signal.Bench.Runner;

if (args is ["allocations", var pidText, .. var rest])
{
    // dotnet run -c Release --project bench/Signal.Bench.Runner -- allocations <pid> [seconds] (docs/performance.md)
    var seconds = rest is [var secondsText] ? int.Parse(secondsText, CultureInfo.InvariantCulture) : 10;
    return await AllocationSampler.RunAsync(int.Parse(pidText, CultureInfo.InvariantCulture), TimeSpan.FromSeconds(seconds), Console.Out);
}

var options = BenchOptions.From(args);
var stopwatch = Stopwatch.StartNew();
var productDll = Path.Combine(options.Root, "src/Signal.Api/bin/Release/net10.0/Signal.Api.dll");
var baselineDll = Path.Combine(options.Root, "bench/Signal.Bench.Baseline/bin/Release/net10.0/Signal.Bench.Baseline.dll");
var productEnvironment = new Dictionary<string, string>
{
    ["ConnectionStrings__Signal"] = options.ConnectionString,
    ["Auth__SigningKey"] = options.SigningKey,
    ["Secrets__MasterKeys__bench"] = options.MasterKey,
    ["Secrets__ActiveKeyId"] = "bench",
    ["ASPNETCORE_ENVIRONMENT"] = "Production",
    ["Logging__LogLevel__Default"] = "Warning",

    // No background jobs: every measurement is of requests. Round trips are counted process-wide between two readings
    // of Npgsql's counters a second apart (P6, P9), and the webhook dispatcher's poll every 2 s landed in nearly every
    // such window: one command more per write that no request ever waited for.
    ["Collector__WorkerEnabled"] = "false",
    ["Webhooks__WorkerEnabled"] = "false",
    ["Rollouts__WorkerEnabled"] = "false",
    ["Delivery__MaintenanceEnabled"] = "false",

    // The bench drives one token far past any sensible per-caller limit; what it measures is the request path.
    ["RateLimiting__AdminPermitsPerMinute"] = "1000000000",
    ["RateLimiting__ProcessorPermitsPerMinute"] = "1000000000",
};

// Telemetry on, as production runs it (SIGNAL_BENCH_TELEMETRY=off measures without): traces and metrics exported over
// OTLP to a sink on loopback, and /metrics served.
await using var otlp = new OtlpSink(18086);
if (options.Telemetry)
{
    productEnvironment["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp.Endpoint;
    productEnvironment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
    productEnvironment["Metrics__Prometheus"] = "true";
}

await using var database = new Database(options.ConnectionString);
await using var product = await ServerProcess.StartAsync(productDll, 18084, productEnvironment, "/health/ready");
var adminToken = await Tokens.MintAsync(productDll, productEnvironment, "--org", BigOrgSeeder.Org, "--role", "admin", "--sub", "user_bench", "--ttl", "8h");
var processorToken = await Tokens.MintAsync(productDll, productEnvironment, "--scope", "signal.processor", "--sub", "svc_bench", "--ttl", "8h");

Console.WriteLine($"Seeding {options.BigOrgPipelines:N0} pipelines through the API and {options.OtherPipelines:N0} in bulk…");
using var http = new HttpClient { BaseAddress = product.Address, Timeout = TimeSpan.FromMinutes(5) };
var pipelineIds = await new BigOrgSeeder(http, new Signal.Client.SignalClientOptions(_ => ValueTask.FromResult(adminToken))).SeedAsync(options.BigOrgPipelines);
await database.SeedOtherOrganisationsAsync(options.OtherPipelines);
await database.SeedAuditEventsAsync(Scenarios.AuditOrg, options.AuditEvents);
await database.AnalyzeAsync();
await using var baseline = await ServerProcess.StartAsync(baselineDll, 18085,
    new Dictionary<string, string> { ["ConnectionStrings__Signal"] = options.ConnectionString }, "/ready");

// The stack's floor: the baseline's statement behind the product's framework layers (MVC, JWT bearer, the same telemetry).
var stackEnvironment = productEnvironment
    .Where(setting => setting.Key is "ConnectionStrings__Signal" or "Auth__SigningKey" || setting.Key.StartsWith("OTEL_", StringComparison.Ordinal))
    .ToDictionary();
stackEnvironment["Stack"] = "true";
await using var stackFloor = await ServerProcess.StartAsync(baselineDll, 18087, stackEnvironment, "/ready");

var admin = new Dictionary<string, string> { ["Authorization"] = $"Bearer {adminToken}" };
var processor = new Dictionary<string, string> { ["Authorization"] = $"Bearer {processorToken}" };
var productPaths = pipelineIds.Select(id => $"/v1/admin/pipelines/{id}").ToList();
var baselinePaths = pipelineIds.Select(id => $"/pipelines/{id}?org={BigOrgSeeder.Org}").ToList();
var scenarios = new Scenarios(options, database, product, baseline, stackFloor, admin, processor);

var goals = new List<GoalResult>();
goals.AddRange(await scenarios.ReadPipelineAsync(productPaths, baselinePaths, pipelineIds[0]));
goals.Add(await scenarios.FeedNotModifiedAsync());
goals.Add(await scenarios.FeedSnapshotAsync(http, pipelineIds[0]));
goals.Add(await scenarios.ListAsync());
goals.Add(await scenarios.AuditListAsync());
goals.Add(await scenarios.DeliveryAsync(http));
goals.Add(await scenarios.WritesAsync(http, pipelineIds));
goals.Add(await scenarios.MemoryAsync(productPaths));

var report = Report.Render(options, goals, scenarios.Runs, stopwatch.Elapsed, otlp.Exports);
var resultFile = Path.Combine(options.Root, "bench", "results", options.Quick ? "quick.md" : "latest.md");
await File.WriteAllTextAsync(resultFile, report);
Console.WriteLine(report);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {resultFile}"));
return 0;
