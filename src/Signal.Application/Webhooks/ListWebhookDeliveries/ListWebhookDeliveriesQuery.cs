using Mediator;
using Signal.Application.Common.Paging;
using Signal.Domain.Webhooks;

namespace Signal.Application.Webhooks.ListWebhookDeliveries;

/// <summary>A subscription's deliveries, newest first, cursor-paged.</summary>
/// <param name="WebhookId">The subscription (wh_…).</param>
/// <param name="Status">Only deliveries in this state.</param>
/// <param name="Cursor">The <c>next_cursor</c> of the previous page; null for the first.</param>
/// <param name="Limit">Deliveries per page, 1..100.</param>
public sealed record ListWebhookDeliveriesQuery(string WebhookId, DeliveryOutcome? Status, string? Cursor, int Limit = PagingRules.DefaultLimit)
    : IQuery<ListWebhookDeliveriesResponse>;

public sealed record ListWebhookDeliveriesResponse(IReadOnlyList<WebhookDeliveryResponse> Deliveries, string? NextCursor);
