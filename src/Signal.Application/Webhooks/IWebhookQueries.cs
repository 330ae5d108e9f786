using Signal.Application.Common.Paging;
using Signal.Domain.Webhooks;

namespace Signal.Application.Webhooks;

/// <summary>Reads subscriptions and their delivery logs for display.</summary>
public interface IWebhookQueries
{
    Task<WebhookResponse?> FindAsync(string orgId, string id, CancellationToken cancellationToken);

    /// <summary>Newest first, id as tie-breaker.</summary>
    Task<Page<WebhookResponse>> ListAsync(string orgId, int limit, int offset, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> deliveries of the subscription, newest first, older than <paramref name="before"/>
    /// (a delivery id; null for the newest), each with its attempts; null when the org has no such live subscription.
    /// </summary>
    Task<IReadOnlyList<WebhookDeliveryResponse>?> ListDeliveriesAsync(
        string orgId, string webhookId, DeliveryOutcome? status, string? before, int limit, CancellationToken cancellationToken);
}
