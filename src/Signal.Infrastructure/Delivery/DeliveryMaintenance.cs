using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using Signal.Application.Delivery;
using Signal.Infrastructure.Hosting;
using Signal.Infrastructure.Persistence.Migrations;

namespace Signal.Infrastructure.Delivery;

/// <summary>
/// Every <see cref="DeliverySettings.MaintenanceInterval"/>: recomputes the rollups whose oldest counted report has
/// left the window (so a pipeline integration that stops reporting stops counting its old failures), turns the statuses
/// of pipeline integrations nothing was reported for in <see cref="DeliverySettings.StaleAfter"/> unknown, and deletes
/// reports older than <see cref="DeliverySettings.Retention"/>. Its first pass also re-decides every status, so that
/// changed thresholds apply from start-up. All in batches, so no statement holds many row locks; safe on several
/// instances at once (rollups are claimed with SKIP LOCKED, a report is deleted once).
/// </summary>
public sealed partial class DeliveryMaintenance(
    NpgsqlDataSource dataSource,
    DeliverySettings settings,
    MigrationState schema,
    TimeProvider time,
    ILogger<DeliveryMaintenance> logger) : PeriodicWorker(schema, time, logger)
{
    private const int BatchSize = 1000;

    private static readonly string RefreshAgedSql = Claiming("counted_from <= @WindowFrom", $"""
        UPDATE delivery_rollups d
        SET delivered = totals.delivered, failed = totals.failed, counted_from = totals.counted_from,
            status = {DeliverySql.StatusOf("totals.delivered", "totals.failed", "d.last_reported_at")}
        FROM claimed CROSS JOIN LATERAL ({DeliverySql.WindowTotals("claimed.pipeline_integration_id")}) totals
        WHERE d.pipeline_integration_id = claimed.pipeline_integration_id
        """);

    private static readonly string MarkStaleSql = Claiming("status <> 'unknown' AND last_reported_at < @DeliveryStaleBefore", """
        UPDATE delivery_rollups d SET status = 'unknown'
        FROM claimed WHERE d.pipeline_integration_id = claimed.pipeline_integration_id
        """);

    // Only rows whose status changes are written: a restart with the same thresholds rewrites nothing.
    private static readonly string Redecided = DeliverySql.StatusOf("d.delivered", "d.failed", "d.last_reported_at");

    private static readonly string RedecideSql = $"""
        WITH claimed AS (
            SELECT pipeline_integration_id FROM delivery_rollups
            WHERE pipeline_integration_id > @After
            ORDER BY pipeline_integration_id
            LIMIT @BatchSize
            FOR UPDATE SKIP LOCKED),
        changed AS (
            UPDATE delivery_rollups d SET status = {Redecided}
            FROM claimed WHERE d.pipeline_integration_id = claimed.pipeline_integration_id AND d.status <> {Redecided})
        SELECT max(pipeline_integration_id) FROM claimed
        """;

    private const string DeleteBatchSql = """
        DELETE FROM delivery_reports
        WHERE ctid = ANY (ARRAY(SELECT ctid FROM delivery_reports WHERE window_end < @Cutoff LIMIT @BatchSize))
        """;

    private bool _redecided;

    /// <summary>One pass: rollups refreshed, statuses gone stale, reports deleted — and, on the first, every status re-decided.</summary>
    public async Task<MaintenancePass> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        if (!_redecided)
        {
            await RedecideAllAsync(now, cancellationToken);
            _redecided = true;
        }

        var refreshed = await RepeatAsync(RefreshAgedSql, now, cancellationToken);
        var stale = await RepeatAsync(MarkStaleSql, now, cancellationToken);
        var deleted = await RepeatAsync(DeleteBatchSql, now, cancellationToken);
        return new MaintenancePass(refreshed, stale, deleted);
    }

    // "WITH claimed AS (a batch of rollups matching the condition, locked unless another instance has them) <update>".
    private static string Claiming(string condition, string update) => $"""
        WITH claimed AS (
            SELECT pipeline_integration_id FROM delivery_rollups
            WHERE {condition}
            LIMIT @BatchSize
            FOR UPDATE SKIP LOCKED)
        {update}
        """;

    private async Task RedecideAllAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var after = "";
        while (await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                   RedecideSql, Parameters(now, new { After = after }), cancellationToken: cancellationToken)) is { } last)
        {
            after = last;
        }
    }

    protected override TimeSpan Interval => settings.MaintenanceInterval;

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        var pass = await RunOnceAsync(cancellationToken);
        LogPass(pass.Refreshed, pass.MarkedStale, pass.Deleted);
    }

    // Runs a batch statement until a batch comes back short; returns the rows it touched.
    private async Task<int> RepeatAsync(string sql, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var total = 0;
        int touched;
        do
        {
            touched = await connection.ExecuteAsync(new CommandDefinition(sql, Parameters(now, new { }), cancellationToken: cancellationToken));
            total += touched;
        }
        while (touched == BatchSize);

        return total;
    }

    // The batch size, the cut-offs as of now and the status thresholds: each statement uses some of them.
    private DynamicParameters Parameters(DateTimeOffset now, object extra)
    {
        var parameters = DeliverySql.WithThresholds(extra, settings, now);
        parameters.Add("BatchSize", BatchSize);
        parameters.Add("Cutoff", now - settings.Retention);
        return parameters;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivery maintenance: {Refreshed} rollups refreshed, {Stale} statuses gone stale, {Deleted} old reports deleted")]
    private partial void LogPass(int refreshed, int stale, int deleted);
}

/// <summary>What one maintenance pass did.</summary>
public sealed record MaintenancePass(int Refreshed, int MarkedStale, int Deleted);
