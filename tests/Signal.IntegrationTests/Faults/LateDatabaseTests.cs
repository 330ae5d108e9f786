using System.Net;
using Npgsql;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Faults;

/// <summary>
/// The API starts before its database exists (a deployment where the database comes up later): it serves liveness,
/// answers readiness and requests with 503, migrates by itself once the database appears, and becomes ready.
/// </summary>
[Collection(PostgresFaults.Name)]
public sealed class LateDatabaseTests
{
    [Fact]
    public async Task DatabaseMissingAtStart_ApiStarts_IsNotReady_ThenBecomesReadyWhenItAppears()
    {
        var database = $"signal_late_{Guid.NewGuid():N}";
        await using var factory = new OtherDatabaseApiFactory(database);
        var client = factory.CreateClient("org_test", "viewer");
        try
        {
            (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
            await (await client.GetAsync(new Uri("/health/ready", UriKind.Relative)))
                .ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "database_unavailable");
            await (await client.GetAsync(new Uri("/v1/admin/pipelines", UriKind.Relative)))
                .ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "database_unavailable");

            await Db.ExecuteAsync($"CREATE DATABASE {database}");
            await factory.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

            (await client.GetAsync(new Uri("/v1/admin/pipelines", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
            factory.Logs.ShouldHaveLoggedNoSecret();
        }
        finally
        {
            await factory.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await Db.ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }
}
