using Dapper;
using Signal.Application.Delivery;
using Signal.Domain.Common;
using Signal.Domain.Delivery;

namespace Signal.Infrastructure.Delivery;

/// <summary>
/// A pipeline integration's status and delivery numbers, kept in its rollup (<c>delivery_rollups</c>) and read in the
/// same statement as the pipeline integration itself. <see cref="StatusOf"/> is the one place a status is decided
/// (docs/delivery-health.md); the statements that write rollups use it.
/// </summary>
internal static class DeliverySql
{
    /// <summary>Joins the rollup to a pipeline integration aliased <c>pi</c>; <see cref="Columns"/> reads it.</summary>
    internal const string Join = "LEFT JOIN delivery_rollups d ON d.pipeline_integration_id = pi.id";

    internal const string Columns = """
        coalesce(d.status, 'unknown') AS delivery_status, @DeliveryWindowMinutes AS window_minutes,
        coalesce(d.delivered, 0) AS delivered, coalesce(d.failed, 0) AS failed, d.failure_rate, d.last_error_code,
        d.last_error_message, d.last_error_at, d.last_delivered_at, d.last_reported_at
        """;

    /// <summary>
    /// The status of a pipeline integration with these totals and last report, as of the time the statement's
    /// <c>@DeliveryStaleBefore</c> was taken from; the thresholds are parameters from <see cref="WithThresholds"/>.
    /// </summary>
    internal static string StatusOf(string delivered, string failed, string lastReportedAt) => $"""
        CASE WHEN {lastReportedAt} IS NULL OR {lastReportedAt} < @DeliveryStaleBefore
                  OR {delivered} + {failed} = 0 OR {delivered} + {failed} < @DeliveryMinEvents THEN '{Wire(DeliveryStatus.Unknown)}'
             WHEN {failed}::float8 / ({delivered} + {failed}) >= @DeliveryFailingRate THEN '{Wire(DeliveryStatus.Failing)}'
             WHEN {failed}::float8 / ({delivered} + {failed}) >= @DeliveryDegradedRate THEN '{Wire(DeliveryStatus.Degraded)}'
             ELSE '{Wire(DeliveryStatus.Healthy)}' END
        """;

    /// <summary><paramref name="parameters"/> and what <see cref="Columns"/> reads.</summary>
    internal static DynamicParameters With(object parameters, DeliverySettings settings)
    {
        var all = new DynamicParameters(parameters);
        all.Add("DeliveryWindowMinutes", settings.WindowMinutes);
        return all;
    }

    /// <summary><paramref name="parameters"/> and the thresholds of <see cref="StatusOf"/>, for a status as of <paramref name="now"/>.</summary>
    internal static DynamicParameters WithThresholds(object parameters, DeliverySettings settings, DateTimeOffset now)
    {
        var all = new DynamicParameters(parameters);
        all.Add("DeliveryStaleBefore", now - settings.StaleAfter);
        all.Add("DeliveryMinEvents", (long)settings.MinEvents);
        all.Add("DeliveryFailingRate", settings.FailingRate);
        all.Add("DeliveryDegradedRate", settings.DegradedRate);
        all.Add("WindowFrom", now - settings.Window);
        return all;
    }

    /// <summary>
    /// A pipeline integration's sums over the reports whose window ends inside the window (after <c>@WindowFrom</c>),
    /// and the earliest such end (null when there is none). A window is at most an hour, so the primary key's
    /// window_start bounds the scan.
    /// </summary>
    internal static string WindowTotals(string pipelineIntegrationId) => $"""
        SELECT coalesce(sum(w.delivered), 0) AS delivered, coalesce(sum(w.failed), 0) AS failed, min(w.window_end) AS counted_from
        FROM delivery_reports w
        WHERE w.pipeline_integration_id = {pipelineIntegrationId}
          AND w.window_start > @WindowFrom - interval '1 hour' AND w.window_end > @WindowFrom
        """;

    private static string Wire(DeliveryStatus status) => WireNames.Of(status);

    /// <summary>The columns of <see cref="Columns"/>; row types that select them derive from it.</summary>
    internal abstract class ObservedDeliveryColumns
    {
        public required string DeliveryStatus { get; init; }

        public int WindowMinutes { get; init; }

        public long Delivered { get; init; }

        public long Failed { get; init; }

        public double? FailureRate { get; init; }

        public string? LastErrorCode { get; init; }

        public string? LastErrorMessage { get; init; }

        public DateTimeOffset? LastErrorAt { get; init; }

        public DateTimeOffset? LastDeliveredAt { get; init; }

        public DateTimeOffset? LastReportedAt { get; init; }

        public ObservedDelivery ToObservedDelivery() => new(
            WireNames.Parse<DeliveryStatus>(DeliveryStatus),
            new DeliverySummary(WindowMinutes, Delivered, Failed, FailureRate,
                // The three are written together: a report's last_error has all of them.
                LastErrorCode is null ? null : new DeliveryError(LastErrorCode, LastErrorMessage!, LastErrorAt!.Value),
                LastDeliveredAt, LastReportedAt));
    }
}
