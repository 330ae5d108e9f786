using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Signal.Api.Auth;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Hosting;

/// <summary>
/// The API run as a process in Production, the way an orchestrator runs it: SIGTERM while a request is in flight stops
/// new connections at once, lets that request finish (its write is there afterwards) and exits with 0; and the
/// console carries one JSON object per line, a request's lines with its trace and span ids, and no warning or error
/// from start to stop (every background job running).
/// </summary>
public sealed class GracefulShutdownTests(SignalApiFactory factory) : ApiTest(factory), IClassFixture<SignalApiFactory>
{
    [Fact]
    public async Task Sigterm_DrainsTheRequestInFlight_RefusesNewOnes_AndExitsCleanly()
    {
        await using var api = await ApiProcess.StartAsync(new Dictionary<string, string> { ["ShutdownTimeout"] = "00:00:20" });
        using var client = new HttpClient { BaseAddress = api.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", TestTokens.Mint(Factory.AuthOptions, new TokenRequest("user_test", Org, "editor", null, TimeSpan.FromHours(1))));
        var body = new HeldBackContent("{\"name\":", "\"Drained\"}");

        var inFlight = client.PostAsync("/v1/admin/pipelines", body);
        await body.FirstPartSent.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(500); // The request is in the API's pipeline, waiting for the rest of its body.
        api.Terminate();
        await ShouldRefuseNewConnectionsAsync(api.BaseAddress);
        body.Release.SetResult();

        using var response = await inFlight;
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await api.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(0);
        (await Db.ScalarAsync<long>("SELECT count(*) FROM pipelines WHERE name = 'Drained'")).Should().Be(1);

        var entries = api.Output.Where(line => line.Length > 0).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        entries.Should().NotBeEmpty();
        entries.Select(e => e.GetProperty("LogLevel").GetString()).Should().NotContain(["Warning", "Error", "Critical"], string.Join('\n', api.Output));
        var traced = entries.Where(e => e.GetProperty("Category").GetString() == "Microsoft.AspNetCore.Hosting.Diagnostics")
            .SelectMany(e => e.GetProperty("Scopes").EnumerateArray())
            .Where(scope => scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("TraceId", out _))
            .ToList();
        traced.Should().NotBeEmpty("a request's log lines carry its trace");
        traced.Should().OnlyContain(scope => scope.GetProperty("TraceId").GetString()!.Length == 32 && scope.GetProperty("SpanId").GetString()!.Length == 16);
    }

    private static async Task ShouldRefuseNewConnectionsAsync(Uri baseAddress)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var fresh = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { BaseAddress = baseAddress };
            try
            {
                using var probe = await fresh.GetAsync("/health/live");
            }
            catch (HttpRequestException)
            {
                return;
            }

            DateTime.UtcNow.Should().BeBefore(deadline, "a stopping API accepts no new connection");
            await Task.Delay(50);
        }
    }

    /// <summary>A body sent in two parts, the second only when the test releases it.</summary>
    private sealed class HeldBackContent : HttpContent
    {
        private readonly string _first;
        private readonly string _rest;

        public HeldBackContent(string first, string rest)
        {
            (_first, _rest) = (first, rest);
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        public TaskCompletionSource FirstPartSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(_first));
            await stream.FlushAsync();
            FirstPartSent.SetResult();
            await Release.Task;
            await stream.WriteAsync(Encoding.UTF8.GetBytes(_rest));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
