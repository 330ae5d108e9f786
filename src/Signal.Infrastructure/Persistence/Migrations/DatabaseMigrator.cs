using DbUp;
using DbUp.Engine;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Signal.Infrastructure.Persistence.Migrations;

/// <summary>
/// Applies the embedded <c>Migrations/*.sql</c> scripts in name order with DbUp, under a PostgreSQL advisory lock so
/// that several instances starting at once apply each script exactly once.
/// </summary>
public sealed class DatabaseMigrator(DatabaseSettings settings, NpgsqlDataSource dataSource, ILoggerFactory loggerFactory)
{
    // Any constant shared by every instance of this service; "SIGNAL" in ASCII.
    private const long AdvisoryLockKey = 0x5349_474E_414C;

    /// <summary>Applies pending scripts; throws when one fails (its transaction is rolled back).</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var acquire = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection))
        {
            acquire.Parameters.AddWithValue("key", AdvisoryLockKey);
            await acquire.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            var result = CreateEngine().PerformUpgrade();
            if (!result.Successful)
            {
                throw new InvalidOperationException(
                    $"Migration {result.ErrorScript?.Name ?? "(unknown)"} failed: {result.Error.Message}", result.Error);
            }
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
            release.Parameters.AddWithValue("key", AdvisoryLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>True when the database already has every script of this build (used when migrating is disabled).</summary>
    public bool IsUpToDate() => !CreateEngine().IsUpgradeRequired();

    private UpgradeEngine CreateEngine() => DeployChanges.To
        .PostgresqlDatabase(settings.ConnectionString)
        .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.Contains(".Migrations.", StringComparison.Ordinal))
        .WithTransactionPerScript()
        .LogTo(loggerFactory)
        .Build();
}
