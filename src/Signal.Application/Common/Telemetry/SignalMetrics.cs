using System.Diagnostics.Metrics;

namespace Signal.Application.Common.Telemetry;

/// <summary>
/// The service's own instruments, on the <see cref="MeterName"/> meter (docs/operations.md lists them). Counted where
/// the thing counted is final: a write's once its transaction has committed. With no exporter listening each call is a
/// check of a flag.
/// </summary>
public sealed class SignalMetrics
{
    public const string MeterName = "Signal";

    private static readonly KeyValuePair<string, object?> NotModified = new("result", "not_modified");
    private static readonly KeyValuePair<string, object?> Snapshot = new("result", "snapshot");
    private static readonly KeyValuePair<string, object?> Changes = new("result", "changes");

    private readonly Counter<long> _feedResponses;
    private readonly Counter<long> _webhookAttempts;
    private readonly Counter<long> _rolloutTransitions;
    private readonly Counter<long> _deliveryReports;

    public SignalMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _feedResponses = meter.CreateCounter<long>("signal.processor_feed.responses", "{response}",
            "Processor feed responses by result: not_modified (304 from memory), snapshot (every pipeline), changes (since a version).");
        _webhookAttempts = meter.CreateCounter<long>("signal.webhook.attempts", "{attempt}",
            "Webhook delivery attempts by outcome: delivered, retrying (another attempt is scheduled) or failed (given up).");
        _rolloutTransitions = meter.CreateCounter<long>("signal.rollout.transitions", "{transition}",
            "Rollout transitions by kind: created, advanced, completed, paused, resumed, aborted, rolled_back.");
        _deliveryReports = meter.CreateCounter<long>("signal.delivery_reports", "{report}",
            "Delivery reports from processors by result: accepted, or ignored (unknown or removed pipeline integration).");
    }

    public void FeedNotModified() => _feedResponses.Add(1, NotModified);

    public void FeedServed(bool changesOnly) => _feedResponses.Add(1, changesOnly ? Changes : Snapshot);

    public void WebhookAttempted(string outcome) => _webhookAttempts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void RolloutTransitioned(string transition) =>
        _rolloutTransitions.Add(1, new KeyValuePair<string, object?>("transition", transition));

    public void DeliveryReportsStored(int accepted, int ignored)
    {
        _deliveryReports.Add(accepted, new KeyValuePair<string, object?>("result", "accepted"));
        _deliveryReports.Add(ignored, new KeyValuePair<string, object?>("result", "ignored"));
    }
}
