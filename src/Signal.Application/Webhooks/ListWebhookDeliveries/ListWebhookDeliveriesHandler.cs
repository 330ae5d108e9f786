using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.Webhooks.ListWebhookDeliveries;

public sealed class ListWebhookDeliveriesHandler(IWebhookQueries queries, ICurrentUser user)
    : IQueryHandler<ListWebhookDeliveriesQuery, ListWebhookDeliveriesResponse>
{
    public async ValueTask<ListWebhookDeliveriesResponse> Handle(ListWebhookDeliveriesQuery query, CancellationToken cancellationToken)
    {
        string? before = DeliveryCursor.TryDecode(query.Cursor, out var id) ? id : null;
        // One more than the page tells whether there is a next page without counting.
        var deliveries = await queries.ListDeliveriesAsync(user.OrgId, query.WebhookId, query.Status, before, query.Limit + 1, cancellationToken)
            ?? throw new NotFoundException("Webhook", query.WebhookId);
        return deliveries.Count > query.Limit
            ? new ListWebhookDeliveriesResponse([.. deliveries.Take(query.Limit)], DeliveryCursor.Encode(deliveries[query.Limit - 1].Id))
            : new ListWebhookDeliveriesResponse(deliveries, NextCursor: null);
    }
}
