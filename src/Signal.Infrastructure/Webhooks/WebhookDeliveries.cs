using System.Text.Json.Nodes;
using Dapper;
using Signal.Application.Audit;
using Signal.Application.Webhooks;
using Signal.Application.Webhooks.TestWebhook;
using Signal.Domain.Common;
using Signal.Domain.Webhooks;
using Signal.Infrastructure.Audit;
using Signal.Infrastructure.Persistence;

namespace Signal.Infrastructure.Webhooks;

public sealed class WebhookDeliveries(DbSession session) : IWebhookDeliveries
{
    private const string QueueTestSql = $"""
        INSERT INTO webhook_deliveries AS d (id, org_id, webhook_id, event_type, payload, status, next_attempt_at, created_at)
        VALUES (@Id, @OrgId, @WebhookId, @EventType, @Payload, 'pending', @Now, @Now)
        RETURNING {DeliveryRow.Columns}
        """;

    private const string RedeliverSql = $"""
        UPDATE webhook_deliveries d SET status = 'pending', next_attempt_at = @Now, completed_at = NULL
        FROM webhooks w
        WHERE d.org_id = @OrgId AND d.webhook_id = @WebhookId AND d.id = @DeliveryId
          AND w.id = d.webhook_id AND w.deleted_at IS NULL
        RETURNING {DeliveryRow.Columns};
        SELECT {AttemptRow.Columns} FROM webhook_attempts a
        WHERE a.delivery_id = @DeliveryId AND EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.id = a.delivery_id AND d.org_id = @OrgId)
        ORDER BY a.number
        """;

    // Test events go out to a disabled subscription too: testing is how one decides to enable it again.
    private const string ClaimSql = """
        WITH due AS (
            SELECT d.id FROM webhook_deliveries d
            JOIN webhooks w ON w.id = d.webhook_id AND w.deleted_at IS NULL AND (w.enabled OR d.event_id IS NULL)
            WHERE d.status = 'pending' AND d.next_attempt_at <= @Now
            ORDER BY d.next_attempt_at
            LIMIT @Limit
            FOR UPDATE OF d SKIP LOCKED),
        claimed AS (
            UPDATE webhook_deliveries d SET attempts = d.attempts + 1, next_attempt_at = @LeaseUntil
            FROM due WHERE d.id = due.id
            RETURNING d.id, d.org_id, d.webhook_id, d.event_id, d.event_type, d.payload, d.attempts, d.created_at)
        SELECT c.id, c.org_id, c.webhook_id, w.url, c.event_id, c.event_type, c.payload, c.attempts, c.created_at, w.secret_ciphertext,
               CASE WHEN w.previous_secret_expires_at > @Now THEN w.previous_secret_ciphertext END AS previous_secret_ciphertext
        FROM claimed c JOIN webhooks w ON w.id = c.webhook_id
        """;

    private const string EventsSql = $"SELECT {AuditEventRow.Columns} FROM audit_events e WHERE e.id = ANY(@Ids)";

    // A record that comes after the lease ran out and another worker claimed the delivery again keeps its attempt in the
    // log but leaves the delivery to that worker.
    private const string RecordSql = """
        INSERT INTO webhook_attempts (delivery_id, number, attempted_at, duration_ms, status_code, error, response_body)
        VALUES (@DeliveryId, @Number, @AttemptedAt, @DurationMs, @StatusCode, @Error, @ResponseBody);
        UPDATE webhook_deliveries
        SET status = @Status, next_attempt_at = coalesce(@NextAttemptAt, next_attempt_at),
            completed_at = CASE WHEN @Status = 'pending' THEN NULL ELSE @AttemptedAt END
        WHERE id = @DeliveryId AND attempts = @Number
        """;

    public async Task<WebhookDeliveryResponse> QueueTestAsync(Webhook webhook, JsonObject data, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<DeliveryRow>(QueueTestSql, new
        {
            Id = Ids.New("msg", now),
            webhook.OrgId,
            WebhookId = webhook.Id,
            EventType = TestWebhookHandler.EventType,
            Payload = data,
            Now = now,
        }, cancellationToken);
        return row!.ToResponse([]);
    }

    public async Task<WebhookDeliveryResponse?> RedeliverAsync(
        string orgId, string webhookId, string deliveryId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(RedeliverSql,
            new { OrgId = orgId, WebhookId = webhookId, DeliveryId = deliveryId, Now = now }, session.Transaction, cancellationToken: cancellationToken));
        var row = await results.ReadSingleOrDefaultAsync<DeliveryRow>();
        var attempts = await results.ReadAsync<AttemptRow>();
        return row?.ToResponse(attempts);
    }

    public async Task<IReadOnlyList<DueDelivery>> ClaimDueAsync(
        DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken)
    {
        var claimed = await session.QueryAsync<ClaimedRow>(ClaimSql, new { Now = now, LeaseUntil = leaseUntil, Limit = limit }, cancellationToken);
        var eventIds = claimed.Where(c => c.EventId is not null).Select(c => c.EventId!).ToArray();
        var events = eventIds.Length == 0
            ? new Dictionary<string, AuditRecord>()
            : (await session.QueryAsync<AuditEventRow>(EventsSql, new { Ids = eventIds }, cancellationToken)).ToDictionary(e => e.Id, e => e.ToRecord());
        return [.. claimed.Select(c =>
        {
            var record = c.EventId is null ? null : events[c.EventId];
            return new DueDelivery(c.Id, c.OrgId, c.WebhookId, c.Url, c.EventType, record?.OccurredAt ?? c.CreatedAt,
                record is null ? c.Payload! : AuditChain.Document(record), c.Attempts, c.SecretCiphertext, c.PreviousSecretCiphertext,
                CountsAsEvent: record is not null);
        })];
    }

    public Task RecordAsync(RecordedAttempt attempt, CancellationToken cancellationToken) => session.ExecuteAsync(RecordSql, new
    {
        attempt.DeliveryId,
        attempt.Number,
        attempt.AttemptedAt,
        attempt.Result.DurationMs,
        attempt.Result.StatusCode,
        attempt.Result.Error,
        attempt.Result.ResponseBody,
        Status = WireNames.Of(attempt.Outcome),
        attempt.NextAttemptAt,
    }, cancellationToken);
}
