using System.Net;
using Npgsql;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Faults;

/// <summary>
/// Stops the real PostgreSQL server under the running API and starts it again: the API must answer 503 problems (never
/// 500), keep serving what needs no database, and recover by itself.
/// </summary>
[Collection(PostgresFaults.Name)]
public sealed class DatabaseOutageTests(ProbeApiFactory factory) : IClassFixture<ProbeApiFactory>, IDisposable
{
    public void Dispose() => factory.Logs.ShouldHaveLoggedNoSecret();

    [Fact]
    public async Task DatabaseStopped_Returns503ProblemsAndRecoversWhenItIsBack()
    {
        var client = factory.CreateClient("org_test", "editor");
        (await client.GetAsync(new Uri("/v1/admin/_probe/database", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        await PostgresFaults.ServerAsync("stop");
        try
        {
            using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            await ready.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "database_unavailable");

            using var read = await client.GetAsync(new Uri("/v1/admin/_probe/database", UriKind.Relative));
            await read.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "database_unavailable");
            read.Headers.RetryAfter.Should().NotBeNull();

            (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
            (await client.GetAsync(new Uri("/v1/admin/integration-catalog", UriKind.Relative))).StatusCode
                .Should().Be(HttpStatusCode.OK, "the catalog needs no database");
        }
        finally
        {
            await PostgresFaults.ServerAsync("start");

            // This test process's own pooled connections died with the server too.
            NpgsqlConnection.ClearAllPools();
        }

        await factory.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        using var recovered = await client.GetAsync(new Uri("/v1/admin/_probe/database", UriKind.Relative));
        recovered.StatusCode.Should().Be(HttpStatusCode.OK, await recovered.Content.ReadAsStringAsync());
    }
}
