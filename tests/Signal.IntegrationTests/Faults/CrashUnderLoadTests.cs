using System.Collections.Concurrent;
using System.Net;
using Npgsql;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.Pipelines;
using Xunit.Abstractions;

namespace Signal.IntegrationTests.Faults;

/// <summary>
/// PostgreSQL crashes (immediate stop) while eight clients read and write: every failed request is a 503 problem —
/// never a 500 — the API serves again as soon as the server is back, without a restart, nothing is half-written, and
/// every write that was answered 2xx before or during the crash is still there afterwards (durability).
/// </summary>
[Collection(PostgresFaults.Name)]
public sealed class CrashUnderLoadTests(SignalApiFactory factory, ITestOutputHelper output)
    : ApiTest<SignalApiFactory>(factory), IClassFixture<SignalApiFactory>
{
    private const int Clients = 8;

    [Fact]
    public async Task ACrashUnderLoad_Is503sOnly_AndServiceResumesByItself()
    {
        var client = Factory.CreateClient("org_test", "admin");
        var pipelines = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async i =>
            (await client.CreatePipelineAsync($$"""{"name":"Load {{i}}"}""")).Id()));
        var answers = new ConcurrentQueue<(string Request, HttpStatusCode Status, string? MediaType, string Body, bool AfterRestart)>();
        var acknowledged = new AcknowledgedWrites();
        var restarted = false;
        using var stop = new CancellationTokenSource();

        var load = pipelines.Select((id, worker) => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var (request, send) = (i % 4) switch
                {
                    0 => ("list", (Func<Task<HttpResponseMessage>>)(() => client.GetAsync(new Uri(PipelineApi.PipelinesPath, UriKind.Relative)))),
                    1 => ("get", () => client.GetAsync(new Uri($"{PipelineApi.PipelinesPath}/{id}", UriKind.Relative))),
                    2 => ("update", () => client.PutJsonAsync($"{PipelineApi.PipelinesPath}/{id}", $$"""{"rate_limit_rps":{{i + 1}}}""")),
                    _ => ("create", () => client.PostJsonAsync(PipelineApi.PipelinesPath, $$"""{"name":"Load {{worker}}-{{i}}"}""")),
                };
                var afterRestart = Volatile.Read(ref restarted);
                using var response = await send();
                var body = await response.Content.ReadAsStringAsync();
                answers.Enqueue((request, response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, afterRestart));
                if (!afterRestart && response.IsSuccessStatusCode)
                {
                    acknowledged.Record(request, id, i + 1, body);
                }
            }
        })).ToList();

        await Task.Delay(500);
        await PostgresFaults.ServerAsync("crash");
        await Task.Delay(1000);
        await PostgresFaults.ServerAsync("start");
        NpgsqlConnection.ClearAllPools(); // this test process's own pooled connections died with the server
        Volatile.Write(ref restarted, true);
        await WaitForSuccessesAfterRestartAsync(answers);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        answers.Should().Contain(a => a.Status == HttpStatusCode.ServiceUnavailable, "the crash happened under load");
        answers.Should().OnlyContain(a => a.Status == HttpStatusCode.OK || a.Status == HttpStatusCode.Created
            || (a.Status == HttpStatusCode.ServiceUnavailable && a.MediaType == "application/problem+json" && a.Body.Contains("database_unavailable")),
            "a request the crash broke is a 503 problem, never a 500: {0}", answers.FirstOrDefault(a => (int)a.Status >= 500 && a.Status != HttpStatusCode.ServiceUnavailable));
        await acknowledged.ShouldAllBeStoredAsync(output);
        await Invariants.ShouldHoldAsync();
    }

    [Fact]
    public async Task TheClusterTradesNoDurabilityForSpeed()
    {
        var settings = await Db.QueryAsync<(string Name, string Setting)>(
            "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes')");

        settings.Should().HaveCount(3).And.OnlyContain(s => s.Setting == "on", "a write answered 2xx must survive a crash");
    }

    private static async Task WaitForSuccessesAfterRestartAsync(ConcurrentQueue<(string Request, HttpStatusCode Status, string? MediaType, string Body, bool AfterRestart)> answers)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (answers.Count(a => a.AfterRestart && a.Status is HttpStatusCode.OK or HttpStatusCode.Created) < 4 * Clients * 5)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the API serves again once the database is back, without a restart");
            await Task.Delay(100);
        }
    }

    /// <summary>The writes answered 2xx up to the restart: created pipeline ids and each pipeline's last acknowledged rate.</summary>
    private sealed class AcknowledgedWrites
    {
        private readonly ConcurrentBag<string> _created = [];
        private readonly ConcurrentDictionary<string, int> _lastRate = new();

        public void Record(string request, string pipelineId, int rate, string body)
        {
            if (request == "create")
            {
                _created.Add(System.Text.Json.Nodes.JsonNode.Parse(body)!["id"]!.GetValue<string>());
            }
            else if (request == "update")
            {
                _lastRate[pipelineId] = rate; // one worker per pipeline, rates increasing: the last answer is the highest
            }
        }

        /// <summary>
        /// Every acknowledged create exists and every pipeline's rate is at least its last acknowledged one (a later
        /// update whose answer the crash swallowed may have committed too).
        /// </summary>
        public async Task ShouldAllBeStoredAsync(ITestOutputHelper output)
        {
            var created = _created.ToArray();
            var storedCreates = await Db.QueryAsync<string>("SELECT id FROM pipelines WHERE id = ANY(@created)", new { created });
            var rates = (await Db.QueryAsync<(string Id, int Rate)>("SELECT id, rate_limit_rps FROM pipelines WHERE id = ANY(@ids)",
                new { ids = _lastRate.Keys.ToArray() })).ToDictionary(r => r.Id, r => r.Rate);
            var lostUpdates = _lastRate.Where(u => rates.GetValueOrDefault(u.Key) < u.Value).ToList();
            output.WriteLine($"acknowledged before the restart: {created.Length} creates ({created.Length - storedCreates.Count} lost), "
                + $"{_lastRate.Count} pipelines' last updates ({lostUpdates.Count} lost)");

            created.Length.Should().BePositive("the clients wrote before the crash");
            created.Except(storedCreates).Should().BeEmpty("a create answered 201 survives a crash of the database server");
            lostUpdates.Should().BeEmpty("an update answered 200 survives a crash of the database server");
        }
    }
}
