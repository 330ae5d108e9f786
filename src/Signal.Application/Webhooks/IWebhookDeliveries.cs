using System.Text.Json.Nodes;
using Signal.Domain.Webhooks;

namespace Signal.Application.Webhooks;

/// <summary>
/// The webhook outbox beyond what appending audit events queues: test events, redeliveries, and the worker's claims
/// and results.
/// </summary>
public interface IWebhookDeliveries
{
    /// <summary>Queues a <c>webhook.test</c> event with <paramref name="data"/> for <paramref name="webhook"/> alone, due now.</summary>
    Task<WebhookDeliveryResponse> QueueTestAsync(Webhook webhook, JsonObject data, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Makes a delivery of the org's live subscription due again now; null when there is no such delivery.</summary>
    Task<WebhookDeliveryResponse?> RedeliverAsync(
        string orgId, string webhookId, string deliveryId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Takes up to <paramref name="limit"/> due deliveries of enabled subscriptions that no other worker holds
    /// (<c>FOR UPDATE SKIP LOCKED</c>), counts the attempt and leases them until <paramref name="leaseUntil"/>: one that
    /// is not recorded by then (the worker stopped mid-send) is due again.
    /// </summary>
    Task<IReadOnlyList<DueDelivery>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken);

    /// <summary>Stores an attempt and where its delivery now stands.</summary>
    Task RecordAsync(RecordedAttempt attempt, CancellationToken cancellationToken);
}

/// <summary>
/// A delivery taken for an attempt: the subscription's address and secrets (encrypted; the previous one while it still
/// signs), the event's type, time and data, and the attempt's number. <see cref="CountsAsEvent"/> is false for a test
/// event, which never counts towards disabling the subscription.
/// </summary>
public sealed record DueDelivery(
    string Id,
    string OrgId,
    string WebhookId,
    string Url,
    string EventType,
    DateTimeOffset EventTime,
    JsonObject Data,
    int Attempt,
    string SecretCiphertext,
    string? PreviousSecretCiphertext,
    bool CountsAsEvent);

/// <summary>An attempt as it is stored, and the delivery's state after it (<see cref="NextAttemptAt"/> while pending).</summary>
public sealed record RecordedAttempt(
    string DeliveryId, int Number, DateTimeOffset AttemptedAt, WebhookAttemptResult Result, DeliveryOutcome Outcome, DateTimeOffset? NextAttemptAt);

/// <summary>
/// What one attempt to send got: the status code (null when no response came: refused, unreachable, timed out), why it
/// failed, the first 1 KB of the response, and how long it took.
/// </summary>
public sealed record WebhookAttemptResult(int? StatusCode, string? Error, string? ResponseBody, int DurationMs)
{
    public const int MaxResponseBodyLength = 1024;

    public bool Delivered => StatusCode is >= 200 and < 300;

    public bool Gone => StatusCode == 410;
}
