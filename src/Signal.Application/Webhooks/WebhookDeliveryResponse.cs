using Signal.Domain.Webhooks;

namespace Signal.Application.Webhooks;

/// <summary>
/// One event sent to one subscription (its id is the <c>webhook-id</c> header): where it stands, when it is tried next
/// (while pending), and every attempt.
/// </summary>
public sealed record WebhookDeliveryResponse(
    string Id,
    string WebhookId,
    string? EventId,
    string EventType,
    DeliveryOutcome Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<WebhookAttemptResponse> AttemptLog);

/// <summary>
/// One attempt: when, how long it took, the receiver's status code (null when none came back), why it failed, and the
/// first 1 KB of the receiver's response.
/// </summary>
public sealed record WebhookAttemptResponse(
    int Number,
    DateTimeOffset AttemptedAt,
    int DurationMs,
    int? StatusCode,
    string? Error,
    string? ResponseBody);
