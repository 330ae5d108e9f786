using System.Text.Json;
using Signal.Application.Delivery;
using Signal.Application.Delivery.ReportDeliveries;
using Signal.Infrastructure.Persistence;

namespace Signal.Infrastructure.Delivery;

/// <summary>
/// Stores a batch of reports in one round trip of three statements: lock the rollups of the pipeline integrations it
/// names (every live pipeline integration has one, so this also tells which are live) in id order — concurrent batches
/// for the same pipeline integrations wait for each other instead of each summing without the other's reports, and the
/// order rules out deadlocks — upsert their reports, and recompute the locked rollups from the reports in the window,
/// status included: a statement of its own, so that it sees what a batch it waited for committed.
/// </summary>
public sealed class DeliveryReports(DbSession session, DeliverySettings settings) : IDeliveryReports
{
    public const int MaxErrorMessageLength = 500;

    private const string Input = """
        jsonb_to_recordset(@Reports::jsonb) AS input(pipeline_integration_id text, revision_number integer,
            window_start timestamptz, window_end timestamptz, delivered bigint, failed bigint,
            error_code text, error_message text, error_at timestamptz)
        """;

    // The batch's latest error replaces the stored one when it is at least as recent.
    private const string NewerError = "batch.error_at >= d.last_error_at OR d.last_error_at IS NULL AND batch.error_at IS NOT NULL";

    private static readonly string StoreSql = $"""
        SELECT pipeline_integration_id FROM delivery_rollups
        WHERE pipeline_integration_id = ANY(@Ids)
        ORDER BY pipeline_integration_id
        FOR UPDATE;
        INSERT INTO delivery_reports (pipeline_integration_id, window_start, processor_id, org_id, window_end, revision_number,
                                      delivered, failed, last_error_code, last_error_message, last_error_at, received_at)
        SELECT input.pipeline_integration_id, input.window_start, @ProcessorId, live.org_id, input.window_end,
               input.revision_number, input.delivered, input.failed, input.error_code, input.error_message, input.error_at, @ReceivedAt
        FROM {Input}
        JOIN delivery_rollups live ON live.pipeline_integration_id = input.pipeline_integration_id
        ON CONFLICT (pipeline_integration_id, window_start, processor_id) DO UPDATE
        SET window_end = EXCLUDED.window_end, revision_number = EXCLUDED.revision_number, delivered = EXCLUDED.delivered,
            failed = EXCLUDED.failed, last_error_code = EXCLUDED.last_error_code,
            last_error_message = EXCLUDED.last_error_message, last_error_at = EXCLUDED.last_error_at,
            received_at = EXCLUDED.received_at;
        UPDATE delivery_rollups d
        SET delivered = totals.delivered, failed = totals.failed, counted_from = totals.counted_from,
            status = {DeliverySql.StatusOf("totals.delivered", "totals.failed", "@ReceivedAt")},
            last_reported_at = @ReceivedAt,
            last_delivered_at = GREATEST(d.last_delivered_at, batch.last_delivered_at),
            last_error_code = CASE WHEN {NewerError} THEN batch.error_code ELSE d.last_error_code END,
            last_error_message = CASE WHEN {NewerError} THEN batch.error_message ELSE d.last_error_message END,
            last_error_at = GREATEST(d.last_error_at, batch.error_at)
        FROM (SELECT input.pipeline_integration_id,
                     max(input.window_end) FILTER (WHERE input.delivered > 0) AS last_delivered_at,
                     (array_agg(input.error_code ORDER BY input.error_at DESC) FILTER (WHERE input.error_at IS NOT NULL))[1] AS error_code,
                     (array_agg(input.error_message ORDER BY input.error_at DESC) FILTER (WHERE input.error_at IS NOT NULL))[1] AS error_message,
                     max(input.error_at) AS error_at
              FROM {Input}
              GROUP BY input.pipeline_integration_id) batch
        CROSS JOIN LATERAL ({DeliverySql.WindowTotals("batch.pipeline_integration_id")}) totals
        WHERE d.pipeline_integration_id = batch.pipeline_integration_id
        """;

    public async Task<int> StoreAsync(
        string processorId, IReadOnlyList<DeliveryReportInput> reports, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var ids = reports.Select(r => r.PipelineIntegrationId!).Distinct(StringComparer.Ordinal).ToArray();
        var parameters = DeliverySql.WithThresholds(new
        {
            Ids = ids,
            Reports = JsonSerializer.Serialize(reports.Select(Row)),
            ProcessorId = processorId,
            ReceivedAt = receivedAt,
        }, settings, receivedAt);
        // The lock is the batch's only statement that returns rows: its ids are the live pipeline integrations.
        var live = (await session.QueryLastAsync<string>(StoreSql, parameters, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return reports.Count(r => live.Contains(r.PipelineIntegrationId!));
    }

    // The reports as the statement's jsonb_to_recordset reads them; error messages cut to what is kept.
    private static Dictionary<string, object?> Row(DeliveryReportInput report) => new()
    {
        ["pipeline_integration_id"] = report.PipelineIntegrationId,
        ["revision_number"] = report.RevisionNumber,
        ["window_start"] = report.WindowStart,
        ["window_end"] = report.WindowEnd,
        ["delivered"] = report.Delivered,
        ["failed"] = report.Failed,
        ["error_code"] = report.LastError?.Code,
        ["error_message"] = report.LastError?.Message is { } message ? Truncate(message) : null,
        ["error_at"] = report.LastError?.At,
    };

    // Never between the two halves of a surrogate pair: the database refuses half a character.
    private static string Truncate(string message)
    {
        if (message.Length <= MaxErrorMessageLength)
        {
            return message;
        }

        var length = char.IsHighSurrogate(message[MaxErrorMessageLength - 1]) ? MaxErrorMessageLength - 1 : MaxErrorMessageLength;
        return message[..length];
    }
}
