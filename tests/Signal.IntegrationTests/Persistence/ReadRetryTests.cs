using System.Net;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.Pipelines;

namespace Signal.IntegrationTests.Persistence;

/// <summary>
/// The API's pooled connections are terminated on the server while idle (as a restart or an administrator would):
/// a read is retried once on a fresh connection and succeeds; a write is not retried — 503, nothing written — and the
/// next write succeeds.
/// </summary>
public sealed class ReadRetryTests(ReadRetryTests.OwnPoolApiFactory factory)
    : ApiTest(factory), IClassFixture<ReadRetryTests.OwnPoolApiFactory>
{
    private const string ApplicationName = "signal-read-retry-test";

    /// <summary>A host whose connections can be told apart from every other host's in pg_stat_activity.</summary>
    public sealed class OwnPoolApiFactory : SignalApiFactory
    {
        protected override string ConnectionString => $"{TestSettings.ConnectionString};Application Name={ApplicationName}";
    }

    [Fact]
    public async Task AReadWhoseConnectionWasKilled_IsRetriedOnAFreshOne()
    {
        var id = (await Factory.CreateClient(Org, "editor").CreatePipelineAsync("""{"name":"Survivor"}""")).Id();
        await WarmThePoolAsync();

        await KillIdleApiConnectionsAsync();
        using var response = await Viewer().GetAsync(new Uri($"{PipelineApi.PipelinesPath}/{id}", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Factory.Logs.Lines.Should().Contain(m => m.Contains("lost its database connection", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWriteWhoseConnectionWasKilled_IsNotRetried_AndWritesNothing()
    {
        await WarmThePoolAsync();

        await KillIdleApiConnectionsAsync();
        using var failed = await Factory.CreateClient(Org, "editor").PostJsonAsync(PipelineApi.PipelinesPath, """{"name":"Lost"}""");

        await failed.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "database_unavailable");
        (await Db.ScalarAsync<long>("SELECT count(*) FROM pipelines")).Should().Be(0);
        (await Factory.CreateClient(Org, "editor").PostJsonAsync(PipelineApi.PipelinesPath, """{"name":"Lost"}""")).StatusCode
            .Should().Be(HttpStatusCode.Created, "the dead connections were dropped with the first failure");
    }

    private async Task WarmThePoolAsync()
    {
        (await Viewer().GetAsync(new Uri(PipelineApi.PipelinesPath, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>Terminates the host's idle pooled connections (not its LISTEN connection) and waits until they are gone.</summary>
    private static async Task KillIdleApiConnectionsAsync()
    {
        const string Idle = $"""
            FROM pg_stat_activity
            WHERE application_name = '{ApplicationName}' AND state = 'idle' AND query NOT ILIKE 'LISTEN%'
            """;
        (await Db.ScalarAsync<long>($"SELECT count(pg_terminate_backend(pid)) {Idle}")).Should().BePositive();
        for (var wait = 0; await Db.ScalarAsync<long>($"SELECT count(*) {Idle}") > 0; wait++)
        {
            wait.Should().BeLessThan(100, "terminated backends exit within a second");
            await Task.Delay(20);
        }
    }
}
