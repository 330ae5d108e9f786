using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Signal.Infrastructure.Persistence.Migrations;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Persistence;

public sealed class MigrationTests(SignalApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task StartUp_AppliesEveryEmbeddedScriptOnce()
    {
        var embedded = typeof(DatabaseMigrator).Assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Migrations.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .ToList();

        await using var connection = new NpgsqlConnection(TestSettings.ConnectionString);
        var applied = (await connection.QueryAsync<string>("SELECT scriptname FROM schemaversions")).ToList();

        embedded.Should().NotBeEmpty();
        applied.Should().BeEquivalentTo(embedded).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task MigratingConcurrently_IsSafeUnderTheAdvisoryLock()
    {
        var migrator = Factory.Services.GetRequiredService<DatabaseMigrator>();

        var runs = Enumerable.Range(0, 4).Select(_ => Task.Run(() => migrator.MigrateAsync(CancellationToken.None)));
        await Task.WhenAll(runs);

        await using var connection = new NpgsqlConnection(TestSettings.ConnectionString);
        var counts = await connection.QueryAsync<long>("SELECT count(*) FROM schemaversions GROUP BY scriptname");
        counts.Should().OnlyContain(c => c == 1);
        migrator.IsUpToDate().Should().BeTrue();
    }

    [Fact]
    public async Task Extensions_TheSchemaNeeds_AreInstalled()
    {
        await using var connection = new NpgsqlConnection(TestSettings.ConnectionString);

        var installed = await connection.QueryAsync<string>("SELECT extname FROM pg_extension");

        installed.Should().Contain(["pg_trgm", "citext"]);
    }
}
