using Signal.Domain.Webhooks;

namespace Signal.Infrastructure.Webhooks;

/// <summary>A <c>webhooks</c> row, and the columns that read it.</summary>
internal sealed class WebhookRow
{
    public const string Columns = """
        w.id, w.org_id, w.url, w.events, w.description, w.enabled, w.disabled_reason, w.secret_ciphertext,
        w.previous_secret_ciphertext, w.previous_secret_expires_at, w.consecutive_failures, w.created_at, w.updated_at
        """;

    public required string Id { get; init; }

    public required string OrgId { get; init; }

    public required string Url { get; init; }

    public required string[] Events { get; init; }

    public string? Description { get; init; }

    public bool Enabled { get; init; }

    public string? DisabledReason { get; init; }

    public required string SecretCiphertext { get; init; }

    public string? PreviousSecretCiphertext { get; init; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; init; }

    public int ConsecutiveFailures { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public Webhook ToWebhook() => Webhook.Rehydrate(new WebhookState(Id, OrgId, Url, Events, Description, Enabled, DisabledReason,
        SecretCiphertext, PreviousSecretCiphertext, PreviousSecretExpiresAt, ConsecutiveFailures, CreatedAt, UpdatedAt));
}
