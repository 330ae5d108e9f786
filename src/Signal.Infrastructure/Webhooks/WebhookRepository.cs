using Signal.Application.Webhooks;
using Signal.Domain.Webhooks;
using Signal.Infrastructure.Persistence;

namespace Signal.Infrastructure.Webhooks;

public sealed class WebhookRepository(DbSession session) : IWebhookRepository
{
    private const string InsertSql = """
        INSERT INTO webhooks (id, org_id, url, events, description, enabled, disabled_reason, secret_ciphertext,
                              previous_secret_ciphertext, previous_secret_expires_at, consecutive_failures, created_at, updated_at)
        VALUES (@Id, @OrgId, @Url, @Events, @Description, @Enabled, @DisabledReason, @SecretCiphertext,
                @PreviousSecretCiphertext, @PreviousSecretExpiresAt, @ConsecutiveFailures, @CreatedAt, @UpdatedAt)
        """;

    private const string FindForUpdateSql = $"""
        SELECT {WebhookRow.Columns} FROM webhooks w
        WHERE w.org_id = @OrgId AND w.id = @Id AND w.deleted_at IS NULL
        FOR UPDATE
        """;

    private const string UpdateSql = """
        UPDATE webhooks
        SET url = @Url, events = @Events, description = @Description, enabled = @Enabled, disabled_reason = @DisabledReason,
            secret_ciphertext = @SecretCiphertext, previous_secret_ciphertext = @PreviousSecretCiphertext,
            previous_secret_expires_at = @PreviousSecretExpiresAt, consecutive_failures = @ConsecutiveFailures,
            updated_at = @UpdatedAt, deleted_at = @DeletedAt
        WHERE org_id = @OrgId AND id = @Id
        """;

    public Task AddAsync(Webhook webhook, CancellationToken cancellationToken) =>
        session.ExecuteAsync(InsertSql, Parameters(session.Track(webhook)), cancellationToken);

    public async Task<Webhook?> FindForUpdateAsync(string orgId, string id, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<WebhookRow>(FindForUpdateSql, new { OrgId = orgId, Id = id }, cancellationToken);
        return row is null ? null : session.Track(row.ToWebhook());
    }

    public Task SaveAsync(Webhook webhook, CancellationToken cancellationToken) =>
        session.ExecuteAsync(UpdateSql, Parameters(webhook), cancellationToken);

    private static object Parameters(Webhook webhook) => new
    {
        webhook.Id,
        webhook.OrgId,
        webhook.Url,
        Events = webhook.Events.ToArray(),
        webhook.Description,
        webhook.Enabled,
        webhook.DisabledReason,
        webhook.SecretCiphertext,
        webhook.PreviousSecretCiphertext,
        webhook.PreviousSecretExpiresAt,
        webhook.ConsecutiveFailures,
        webhook.CreatedAt,
        webhook.UpdatedAt,
        webhook.DeletedAt,
    };
}
