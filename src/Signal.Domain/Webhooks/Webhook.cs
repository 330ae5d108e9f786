using System.Text.Json.Nodes;
using Signal.Domain.Audit;
using Signal.Domain.Common;

namespace Signal.Domain.Webhooks;

/// <summary>
/// A subscription to the organisation's audit events: where to send the ones its <see cref="Events"/> name, and the
/// secret that signs them. A rotated secret keeps signing beside the new one until <see cref="PreviousSecretExpiresAt"/>.
/// The worker disables it when the receiver answers 410 Gone or too many events in a row failed.
/// </summary>
public sealed class Webhook : AggregateRoot
{
    public const string IdPrefix = "wh";

    /// <summary>How long a rotated secret keeps signing beside the new one: receivers switch without losing events.</summary>
    public static readonly TimeSpan SecretOverlap = TimeSpan.FromHours(24);

    private Webhook(string id, string orgId, DateTimeOffset createdAt)
    {
        Id = id;
        OrgId = orgId;
        CreatedAt = createdAt;
    }

    public override string Id { get; }

    public override string OrgId { get; }

    public string Url { get; private set; } = string.Empty;

    /// <summary>The actions it subscribes to, each an action or <c>resource.*</c>; sorted, no repeats.</summary>
    public IReadOnlyList<string> Events { get; private set; } = [];

    public string? Description { get; private set; }

    public bool Enabled { get; private set; }

    /// <summary>Why the worker disabled it (410 Gone, or failures in a row); null once it is enabled again.</summary>
    public string? DisabledReason { get; private set; }

    /// <summary>The signing secret, encrypted (never stored or logged in plaintext).</summary>
    public string SecretCiphertext { get; private set; } = string.Empty;

    public string? PreviousSecretCiphertext { get; private set; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; private set; }

    /// <summary>Events in a row whose delivery failed for good; a delivered event resets it.</summary>
    public int ConsecutiveFailures { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>A new subscription; <paramref name="id"/> is chosen beforehand because the secret's encryption is bound to it.</summary>
    public static Webhook Create(
        string id, string orgId, WebhookFields fields, string secretCiphertext, bool allowHttp, DateTimeOffset now)
    {
        ThrowIfBroken(fields, isNew: true, allowHttp);
        var webhook = new Webhook(id, orgId, now) { SecretCiphertext = secretCiphertext, Enabled = true, UpdatedAt = now };
        webhook.Assign(fields);
        webhook.RecordCreation(AuditActions.WebhookCreated, now);
        return webhook;
    }

    public static Webhook Rehydrate(WebhookState stored) => new(stored.Id, stored.OrgId, stored.CreatedAt)
    {
        Url = stored.Url,
        Events = stored.Events,
        Description = stored.Description,
        Enabled = stored.Enabled,
        DisabledReason = stored.DisabledReason,
        SecretCiphertext = stored.SecretCiphertext,
        PreviousSecretCiphertext = stored.PreviousSecretCiphertext,
        PreviousSecretExpiresAt = stored.PreviousSecretExpiresAt,
        ConsecutiveFailures = stored.ConsecutiveFailures,
        UpdatedAt = stored.UpdatedAt,
    };

    /// <summary>A partial update: each field that is set replaces the current one. Enabling clears the failure count.</summary>
    public void Change(WebhookFields fields, bool allowHttp, DateTimeOffset now)
    {
        DeletedAggregateException.ThrowIfDeleted(DeletedAt, "Webhook", Id);
        ThrowIfBroken(fields, isNew: false, allowHttp);
        var before = AuditedState();
        Assign(fields);
        if (fields.Enabled is true)
        {
            DisabledReason = null;
            ConsecutiveFailures = 0;
        }

        UpdatedAt = now;
        RecordChange(AuditActions.WebhookUpdated, before, now);
    }

    /// <summary>A new signing secret; the current one keeps signing beside it for <see cref="SecretOverlap"/>.</summary>
    public void RotateSecret(string secretCiphertext, DateTimeOffset now)
    {
        DeletedAggregateException.ThrowIfDeleted(DeletedAt, "Webhook", Id);
        PreviousSecretCiphertext = SecretCiphertext;
        PreviousSecretExpiresAt = now + SecretOverlap;
        SecretCiphertext = secretCiphertext;
        UpdatedAt = now;
        RecordAction(AuditActions.WebhookSecretRotated, now);
    }

    /// <summary>
    /// Counts an event whose delivery ended: a delivered one resets the count, a failed one adds to it and disables the
    /// subscription once <paramref name="disableAfter"/> failed in a row.
    /// </summary>
    public void CountOutcome(bool delivered, int disableAfter, DateTimeOffset now)
    {
        ConsecutiveFailures = delivered ? 0 : ConsecutiveFailures + 1;
        if (!delivered && ConsecutiveFailures >= disableAfter)
        {
            Disable($"{ConsecutiveFailures} events in a row could not be delivered.", now);
        }
    }

    /// <summary>Turns it off on the receiver's or the worker's account (410 Gone, failures in a row), saying why.</summary>
    public void Disable(string reason, DateTimeOffset now)
    {
        if (!Enabled || DeletedAt is not null)
        {
            return;
        }

        var before = AuditedState();
        Enabled = false;
        DisabledReason = reason;
        UpdatedAt = now;
        RecordChange(AuditActions.WebhookDisabled, before, now);
    }

    public void Delete(DateTimeOffset now)
    {
        DeletedAggregateException.ThrowIfDeleted(DeletedAt, "Webhook", Id);
        DeletedAt = now;
        UpdatedAt = now;
        RecordAction(AuditActions.WebhookDeleted, now);
    }

    protected override string ResourceType => ResourceTypes.Webhook;

    protected override string? ResourceName => Url;

    protected override JsonObject AuditedState() => State(
        ("url", Url),
        ("events", Array(Events)),
        ("description", Description),
        ("enabled", Enabled),
        ("disabled_reason", DisabledReason));

    private void Assign(WebhookFields fields)
    {
        Url = fields.Url ?? Url;
        Events = fields.Events is { } events ? [.. events.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)] : Events;
        Description = fields.Description ?? Description;
        Enabled = fields.Enabled ?? Enabled;
    }

    private static void ThrowIfBroken(WebhookFields fields, bool isNew, bool allowHttp)
    {
        if (fields.Violations(isNew, allowHttp) is { Count: > 0 } errors)
        {
            throw new DomainRuleException(errors);
        }
    }
}

/// <summary>What a request sets on a subscription; null leaves a field as it is (on creation: the default).</summary>
public sealed record WebhookFields(string? Url, IReadOnlyList<string>? Events, string? Description, bool? Enabled)
{
    /// <summary>Every rule these fields break, by JSON path; <paramref name="allowHttp"/> lets a URL use plain http.</summary>
    public IReadOnlyDictionary<string, string[]> Violations(bool isNew, bool allowHttp)
    {
        var errors = new Dictionary<string, string[]>();
        if ((isNew || Url is not null) && WebhookRules.UrlProblem(Url, allowHttp) is { } problem)
        {
            errors["url"] = [problem];
        }

        if (isNew && Events is null or { Count: 0 } || Events is { Count: 0 })
        {
            errors["events"] = ["must name at least one event, like pipeline.* or rollout.rolled_back"];
        }
        else if (Events is { Count: > WebhookRules.MaxEvents })
        {
            errors["events"] = [$"must name at most {WebhookRules.MaxEvents} events"];
        }
        else if (Events?.FirstOrDefault(e => !WebhookRules.Patterns.Contains(e)) is { } unknown)
        {
            errors["events"] = [$"'{unknown}' is not an event; each {WebhookRules.PatternsMessage}"];
        }

        if (Description is { Length: > WebhookRules.MaxDescriptionLength })
        {
            errors["description"] = [$"must be at most {WebhookRules.MaxDescriptionLength} characters"];
        }

        return errors;
    }
}

/// <summary>A subscription as stored.</summary>
public sealed record WebhookState(
    string Id,
    string OrgId,
    string Url,
    IReadOnlyList<string> Events,
    string? Description,
    bool Enabled,
    string? DisabledReason,
    string SecretCiphertext,
    string? PreviousSecretCiphertext,
    DateTimeOffset? PreviousSecretExpiresAt,
    int ConsecutiveFailures,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
