using Microsoft.AspNetCore.Hosting;
using Npgsql;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Hosting;

/// <summary>
/// A first start on an empty database, and the start after it, with every background job running: nothing above
/// Information is logged — the jobs wait for the schema instead of failing on tables that do not exist yet.
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class QuietStartTests
{
    [Fact]
    public async Task AFirstStartOnAnEmptyDatabase_AndTheNextStart_LogNoWarningOrError()
    {
        var database = $"signal_quiet_{Guid.NewGuid():N}";
        await Db.ExecuteAsync($"CREATE DATABASE {database}");
        try
        {
            foreach (var start in new[] { "first", "next" })
            {
                await using var host = new EveryJobApiFactory(database);
                await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
                // Long enough for every job's first pass (the collector worker polls every 100 ms in tests).
                await Task.Delay(TimeSpan.FromSeconds(3));

                host.Logs.Lines.Where(line => line.StartsWith("Warning", StringComparison.Ordinal) || line.StartsWith("Error", StringComparison.Ordinal)
                        || line.StartsWith("Critical", StringComparison.Ordinal))
                    .Should().BeEmpty($"the {start} start is quiet");
                host.Logs.Lines.Should().Contain(line => line.Contains("Database schema is up to date", StringComparison.Ordinal));
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await Db.ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    /// <summary>A host on its own database with every background job on, as in production.</summary>
    private sealed class EveryJobApiFactory(string database) : SignalApiFactory
    {
        protected override string ConnectionString { get; } =
            new NpgsqlConnectionStringBuilder(TestSettings.ConnectionString) { Database = database }.ConnectionString;

        protected override bool WorkerEnabled => true;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Delivery:MaintenanceEnabled", "true");
            builder.UseSetting("Rollouts:WorkerEnabled", "true");
            builder.UseSetting("Webhooks:WorkerEnabled", "true");
        }
    }
}
