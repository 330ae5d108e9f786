using Npgsql;

namespace Signal.Bench.Runner;

/// <summary>The bench database: bulk data, statistics and pg_stat_statements.</summary>
public sealed class Database(string connectionString) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public NpgsqlDataSource DataSource => _dataSource;

    /// <summary>
    /// The organisations besides the big one: pipelines written straight into the table (triggers off: they are not a
    /// feed change anybody waits for), disabled, so that the processor feed is the big organisation's.
    /// </summary>
    public async Task SeedOtherOrganisationsAsync(int pipelines)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Execute(connection, "SET LOCAL session_replication_role = replica");
        await Execute(connection, $$"""
            INSERT INTO pipelines (id, org_id, name, slug, type, secret_ciphertext, secret_prefix, labels, rate_limit_rps,
                                   challenge_token_required, parameters, config, js_builder_config, identity_config, enabled,
                                   created_at, updated_at)
            SELECT 'pip_bulk' || lpad(g::text, 8, '0'), 'org_' || lpad((g % 99)::text, 2, '0'),
                   'Site ' || substr(md5(g::text), 1, 12), 'site-' || g,
                   (ARRAY['web', 'app', 'server'])[g % 3 + 1], 'enc:v1:bulk', 'sk_bulk',
                   ARRAY['env:' || (ARRAY['production', 'staging', 'dev'])[g % 3 + 1], 'brand:b' || (g % 40), 'team:t' || (g % 13)],
                   1000, false, '{"ga4_measurement_id":"G-BULK"}', '{}', '{}', '{}', false,
                   now() - g * interval '1 second', now()
            FROM generate_series(1, {{pipelines}}) AS g
            """);
        await transaction.CommitAsync();
    }

    public async Task AnalyzeAsync()
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await Execute(connection, "VACUUM ANALYZE");
    }

    public async Task ResetStatementsAsync()
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await Execute(connection, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        await Execute(connection, "SELECT pg_stat_statements_reset()");
    }

    /// <summary>Statements executed since the last reset, except the bench's own and transaction control.</summary>
    public async Task<long> StatementsAsync()
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("""
            SELECT coalesce(sum(calls), 0)::bigint FROM pg_stat_statements
            WHERE query NOT ILIKE '%pg_stat_statements%' AND query !~* '^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION)'
              AND query NOT LIKE 'SELECT version FROM feed_state'
            """, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
