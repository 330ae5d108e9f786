using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Respawn;
using Signal.Api.Auth;
using Signal.Application.Common.Abstractions;

namespace Signal.IntegrationTests.Infrastructure;

/// <summary>
/// The API in-process against the real test database. Starting it applies the migrations; <see cref="ResetDatabaseAsync"/>
/// empties every table but the migration journal between tests.
/// </summary>
public class SignalApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private Respawner? _respawner;

    public AuthOptions AuthOptions { get; } = new() { SigningKey = TestSettings.SigningKey };

    public const string CollectorIngestUrl = "https://ingest.signal.test/v1/collect";

    public CapturedLogs Logs { get; } = new();

    protected virtual bool WorkerEnabled => false;

    /// <summary>Requests a caller may make per minute; the suite makes thousands with one token, so the default is out of reach.</summary>
    protected virtual int PermitsPerMinute => 1_000_000;

    /// <summary>The database the host uses; a fault test may point it elsewhere or give it other pool settings.</summary>
    protected virtual string ConnectionString => TestSettings.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        builder.UseSetting("ConnectionStrings:Signal", ConnectionString);
        builder.UseSetting("Auth:SigningKey", TestSettings.SigningKey);
        builder.UseSetting("Secrets:MasterKeys:test1", TestSettings.MasterKey);
        builder.UseSetting("Secrets:ActiveKeyId", "test1");
        builder.UseSetting("Collector:PollInterval", "00:00:00.100");

        // Every factory shares one database: only CollectorWorkerApiFactory builds collectors, so no other host's worker
        // takes a job a test is looking at.
        builder.UseSetting("Collector:WorkerEnabled", WorkerEnabled ? "true" : "false");
        builder.UseSetting("Collector:IngestUrl", CollectorIngestUrl);
        builder.UseSetting("Feed:RefreshInterval", "00:00:01");
        // Tests run the delivery maintenance pass themselves, when their clock says so.
        builder.UseSetting("Delivery:MaintenanceEnabled", "false");
        // … and the rollout worker's passes.
        builder.UseSetting("Rollouts:WorkerEnabled", "false");
        builder.UseSetting("Webhooks:WorkerEnabled", "false");
        builder.UseSetting("RateLimiting:AdminPermitsPerMinute", PermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimiting:ProcessorPermitsPerMinute", PermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public Task InitializeAsync() => WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

    public async Task ResetDatabaseAsync()
    {
        // The outage test restarts the server; pooled connections of this host that predate it are dead.
        Services.GetRequiredService<IDatabaseHealth>().DropIdleConnections();
        NpgsqlConnection.ClearAllPools();

        await using var connection = new NpgsqlConnection(TestSettings.ConnectionString);
        await connection.OpenAsync();
        await using var countTables = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT IN ('schemaversions', 'feed_state')",
            connection);
        if ((long)(await countTables.ExecuteScalarAsync())! == 0)
        {
            return; // Respawn refuses a schema without tables, and there is nothing to empty.
        }

        _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = ["schemaversions", "feed_state"], // The feed version only ever grows, across tests too.
        });
        // Audit events are append-only: their trigger refuses the reset too, unless triggers are off for this session.
        await using (var replica = new NpgsqlCommand("SET session_replication_role = replica", connection))
        {
            await replica.ExecuteNonQueryAsync();
        }

        await _respawner.ResetAsync(connection);
    }

    /// <summary>Polls <c>/health/ready</c> until the API reports the database usable.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The API was not ready after {timeout}: {await response.Content.ReadAsStringAsync()}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Waits until the host holds the feed version in memory (its listener reads it shortly after the host starts), so
    /// that a conditional feed poll is answered from memory rather than by building the feed.
    /// </summary>
    public async Task WaitForFeedVersionAsync()
    {
        var feedVersion = Services.GetRequiredService<IFeedVersion>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (feedVersion.Current is null)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The feed version listener did not read the version within 10 s.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>A client sending a token of <paramref name="org"/> with <paramref name="role"/>.</summary>
    public HttpClient CreateClient(string org, string role, string subject = "user_test")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", TestTokens.Mint(AuthOptions, new TokenRequest(subject, org, role, null, TimeSpan.FromHours(1))));
        return client;
    }

    /// <summary>A client sending an event processor's service token (scope signal.processor, no organisation).</summary>
    public HttpClient CreateProcessorClient(string subject = "svc_processor")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", TestTokens.Mint(AuthOptions, new TokenRequest(subject, null, null, SignalClaims.ProcessorScope, TimeSpan.FromHours(1))));
        return client;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
