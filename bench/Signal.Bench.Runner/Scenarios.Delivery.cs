using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dapper;
using Signal.Application.Delivery;
using Signal.Application.Delivery.ListDeliveryHealth;
using Signal.Domain.Delivery;
using Signal.Infrastructure.Delivery;

namespace Signal.Bench.Runner;

public sealed partial class Scenarios
{
    private const int ReportBatch = 1000;

    /// <summary>
    /// P9: delivery reports for every pipeline integration of the big organisation in batches of 1000 (timed through
    /// HTTP, the fewest round trips of a batch counted), then the delivery-health list's own two statements
    /// (<see cref="DeliveryHealthQueries.Sql"/>) in one round trip as the product sends them, over five filters, for the
    /// DB p95 and index plans.
    /// </summary>
    public async Task<GoalResult> DeliveryAsync(HttpClient http)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var ids = (await connection.QueryAsync<string>(
            "SELECT pipeline_integration_id FROM delivery_rollups WHERE org_id = @Org ORDER BY pipeline_integration_id",
            new { Org = BigOrgSeeder.Org })).AsList();

        var batchTimes = new List<double>();
        var roundTrips = long.MaxValue;
        await using (var counters = RuntimeCounters.Start(product.Pid))
        {
            var end = DateTimeOffset.UtcNow;
            for (var first = 0; first < ids.Count; first += ReportBatch)
            {
                var body = ReportBody(ids.Skip(first).Take(ReportBatch), first, end);
                // Only the request is timed: reading the command counter around it takes its own time.
                var commands = await counters.CommandsDuringAsync(async () =>
                {
                    var watch = Stopwatch.StartNew();
                    await Send(http, HttpMethod.Post, "/v1/processor/delivery-reports", body, processor);
                    batchTimes.Add(watch.Elapsed.TotalMilliseconds);
                });
                roundTrips = Math.Min(roundTrips, commands);
            }
        }

        await database.AnalyzeAsync();
        var anyPipeline = await connection.ExecuteScalarAsync<string>("SELECT pipeline_id FROM delivery_rollups WHERE org_id = @Org LIMIT 1", new { Org = BigOrgSeeder.Org });
        var anyTemplate = await connection.ExecuteScalarAsync<string>("SELECT integration_id FROM delivery_rollups WHERE org_id = @Org LIMIT 1", new { Org = BigOrgSeeder.Org });
        var queries = new[]
        {
            new ListDeliveryHealthQuery(null, null, null),
            new ListDeliveryHealthQuery(DeliveryStatus.Failing, null, null),
            new ListDeliveryHealthQuery(DeliveryStatus.Healthy, null, null, 50, 500),
            new ListDeliveryHealthQuery(null, anyPipeline, null),
            new ListDeliveryHealthQuery(null, null, anyTemplate, 100),
        };
        var timings = new List<double>();
        var plans = new List<string>();
        for (var i = 0; i < 40 * queries.Length; i++)
        {
            var query = queries[i % queries.Length];
            var (count, page) = DeliveryHealthQueries.Sql(query);
            var parameters = DeliveryHealthQueries.Parameters(BigOrgSeeder.Org, query, DeliverySettings.Default);
            var watch = Stopwatch.StartNew();
            await using (var results = await connection.QueryMultipleAsync($"{count};\n{page}", parameters))
            {
                await results.ReadSingleAsync<long>();
                (await results.ReadAsync()).AsList();
            }

            timings.Add(watch.Elapsed.TotalMilliseconds);
            if (i < queries.Length)
            {
                plans.Add(string.Join('\n', await connection.QueryAsync<string>($"EXPLAIN {page}", parameters)));
            }
        }

        var listP95 = Percentile95(timings);
        var batchP95 = Percentile95(batchTimes);
        var indexed = plans.All(p => p.Contains("delivery_rollups_", StringComparison.Ordinal) && !p.Contains("Seq Scan on delivery_rollups", StringComparison.Ordinal));
        return new GoalResult("P9", "delivery: a 1000-report batch in one transaction and a bounded number of round trips; the delivery-health list's DB p95 ≤ 10 ms over 10,000+ pipeline integrations, index scans",
            F($"{batchTimes.Count} batch(es) of up to {ReportBatch}: p95 {batchP95:F0} ms through HTTP, {roundTrips} round trip(s) each; list DB p95 {listP95:F2} ms over {ids.Count:N0} pipeline integrations; plans {(indexed ? "use indexes" : "scan the table")}"),
            "–", roundTrips <= 1 && listP95 <= 10 && indexed);
    }

    // One five-minute window per pipeline integration, with a failure mix that gives every status.
    private static string ReportBody(IEnumerable<string> ids, int first, DateTimeOffset end)
    {
        var reports = new StringBuilder();
        var start = end.AddMinutes(-5).UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        var finish = end.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        foreach (var (id, i) in ids.Select((id, i) => (id, first + i)))
        {
            var (delivered, failed) = (i % 10) switch { 0 => (10, 90), 1 => (90, 10), 2 => (5, 0), _ => (200 + i % 50, i % 3) };
            reports.Append(reports.Length == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $$"""{"pipeline_integration_id":"{{id}}","revision_number":1,"window_start":"{{start}}","window_end":"{{finish}}","delivered":{{delivered}},"failed":{{failed}},"last_error":null}""");
        }

        return $$"""{"processor_id":"bench","reports":[{{reports}}]}""";
    }
}
