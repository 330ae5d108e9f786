using Npgsql;
using Signal.Domain.Audit;

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

    /// <summary>
    /// Audit events written straight into the table: half of them in <paramref name="org"/>, the rest spread over 99
    /// organisations; every action, 20,000 resources and 37 actors, one second apart in sequence order (the newest now), as a chain is
    /// in time order. Their hashes are not a chain (the
    /// list does not read them), and inserting is all the append-only trigger allows.
    /// </summary>
    public async Task SeedAuditEventsAsync(string org, int events)
    {
        var actions = string.Join(", ", AuditActions.All.Select(a => $"'{a}'"));
        await using var connection = await _dataSource.OpenConnectionAsync();
        await Execute(connection, $$$"""
            INSERT INTO audit_events (id, org_id, sequence, action, resource_type, resource_id, resource_name, actor_type,
                                      actor_id, actor_role, changes, context, occurred_at, previous_hash, hash)
            SELECT 'evt_bulk' || lpad(g::text, 9, '0'),
                   CASE WHEN g % 2 = 0 THEN '{{{org}}}' ELSE 'org_' || lpad((g % 99)::text, 2, '0') END,
                   g, a.action, CASE split_part(a.action, '.', 1) WHEN 'catalog' THEN 'integration_template' ELSE split_part(a.action, '.', 1) END,
                   'pip_bulk' || lpad((g / 2 % 20000)::text, 8, '0'), 'Site ' || (g / 2 % 20000), 'user', 'user_' || (g / 2 % 37), 'admin',
                   '{"rate_limit_rps":{"old":1000,"new":900}}', '{"trace_id":null,"ip_address":"203.0.113.7","user_agent":null,"idempotency_key":null,"rollout_id":null}',
                   now() - ({{{events}}} - g) * interval '1 second', repeat('0', 64), repeat('0', 64)
            FROM generate_series(1, {{{events}}}) AS g
            CROSS JOIN LATERAL (SELECT (ARRAY[{{{actions}}}])[g / 2 % {{{AuditActions.All.Count}}} + 1] AS action) a
            """);
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
