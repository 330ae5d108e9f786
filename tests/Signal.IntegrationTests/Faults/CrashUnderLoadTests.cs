using System.Collections.Concurrent;
using System.Net;
using Npgsql;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.Pipelines;

namespace Signal.IntegrationTests.Faults;

/// <summary>
/// PostgreSQL crashes (immediate stop) while eight clients read and write: every failed request is a 503 problem —
/// never a 500 — the API serves again as soon as the server is back, without a restart, and nothing is half-written.
/// </summary>
[Collection(PostgresFaults.Name)]
public sealed class CrashUnderLoadTests(SignalApiFactory factory) : ApiTest<SignalApiFactory>(factory), IClassFixture<SignalApiFactory>
{
    private const int Clients = 8;

    [Fact]
    public async Task ACrashUnderLoad_Is503sOnly_AndServiceResumesByItself()
    {
        var client = Factory.CreateClient("org_test", "admin");
        var pipelines = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async i =>
            (await client.CreatePipelineAsync($$"""{"name":"Load {{i}}"}""")).Id()));
        var answers = new ConcurrentQueue<(string Request, HttpStatusCode Status, string? MediaType, string Body, bool AfterRestart)>();
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
                answers.Enqueue((request, response.StatusCode, response.Content.Headers.ContentType?.MediaType,
                    await response.Content.ReadAsStringAsync(), afterRestart));
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
        await Invariants.ShouldHoldAsync();
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
}
