using System.Text.Json.Nodes;
using Signal.Application.Webhooks;
using Signal.Domain.Common;
using Signal.Domain.Webhooks;

namespace Signal.Infrastructure.Webhooks;

/// <summary>A <c>webhook_deliveries</c> row for display, and the columns that read it.</summary>
internal sealed class DeliveryRow
{
    public const string Columns = """
        d.id, d.webhook_id, d.event_id, d.event_type, d.status, d.attempts, d.next_attempt_at, d.created_at, d.completed_at
        """;

    public required string Id { get; init; }

    public required string WebhookId { get; init; }

    public string? EventId { get; init; }

    public required string EventType { get; init; }

    public required string Status { get; init; }

    public int Attempts { get; init; }

    public DateTimeOffset NextAttemptAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public WebhookDeliveryResponse ToResponse(IEnumerable<AttemptRow> attempts)
    {
        var status = WireNames.Parse<DeliveryOutcome>(Status);
        return new WebhookDeliveryResponse(Id, WebhookId, EventId, EventType, status, Attempts,
            status == DeliveryOutcome.Pending ? NextAttemptAt : null, CreatedAt, CompletedAt, [.. attempts.Select(a => a.ToResponse())]);
    }
}

/// <summary>A <c>webhook_attempts</c> row.</summary>
internal sealed class AttemptRow
{
    public const string Columns = "a.delivery_id, a.number, a.attempted_at, a.duration_ms, a.status_code, a.error, a.response_body";

    public required string DeliveryId { get; init; }

    public int Number { get; init; }

    public DateTimeOffset AttemptedAt { get; init; }

    public int DurationMs { get; init; }

    public int? StatusCode { get; init; }

    public string? Error { get; init; }

    public string? ResponseBody { get; init; }

    public WebhookAttemptResponse ToResponse() => new(Number, AttemptedAt, DurationMs, StatusCode, Error, ResponseBody);
}

/// <summary>A delivery the worker claimed, with its subscription's address and secrets.</summary>
internal sealed class ClaimedRow
{
    public required string Id { get; init; }

    public required string OrgId { get; init; }

    public required string WebhookId { get; init; }

    public required string Url { get; init; }

    public string? EventId { get; init; }

    public required string EventType { get; init; }

    public JsonObject? Payload { get; init; }

    public int Attempts { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string SecretCiphertext { get; init; }

    public string? PreviousSecretCiphertext { get; init; }
}
