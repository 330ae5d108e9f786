using System.Diagnostics.CodeAnalysis;
using Signal.Domain.Webhooks;

namespace Signal.Application.Webhooks;

/// <summary>A subscription (id wh_…); its secret is never part of it.</summary>
public record WebhookResponse
{
    public required string Id { get; init; }

    public required string Url { get; init; }

    /// <summary>The actions it receives, each an action or <c>resource.*</c>.</summary>
    public required IReadOnlyList<string> Events { get; init; }

    public required string? Description { get; init; }

    public required bool Enabled { get; init; }

    /// <summary>Why the worker disabled it (410 Gone, failures in a row); null while enabled.</summary>
    public required string? DisabledReason { get; init; }

    /// <summary>Until when the secret before the last rotation still signs beside the current one; null when it does not.</summary>
    public required DateTimeOffset? PreviousSecretExpiresAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public static WebhookResponse Of(Webhook webhook) => new()
    {
        Id = webhook.Id,
        Url = webhook.Url,
        Events = webhook.Events,
        Description = webhook.Description,
        Enabled = webhook.Enabled,
        DisabledReason = webhook.DisabledReason,
        PreviousSecretExpiresAt = webhook.PreviousSecretExpiresAt,
        CreatedAt = webhook.CreatedAt,
        UpdatedAt = webhook.UpdatedAt,
    };
}

/// <summary>The create and rotate responses: the subscription and, this once, its signing secret.</summary>
public sealed record WebhookWithSecretResponse : WebhookResponse
{
    [SetsRequiredMembers]
    public WebhookWithSecretResponse(WebhookResponse shown, string secret)
        : base(shown) => Secret = secret;

    /// <summary><c>whsec_</c> + base64 of 32 random bytes. Returned only here; store it, it cannot be read again.</summary>
    public required string Secret { get; init; }

    public static WebhookWithSecretResponse Of(Webhook webhook, string secret) => new(WebhookResponse.Of(webhook), secret);

    // A record prints every member; this one must never print its secret, wherever it ends up.
    public override string ToString() => $"{nameof(WebhookWithSecretResponse)} {{ Id = {Id} }}";
}
