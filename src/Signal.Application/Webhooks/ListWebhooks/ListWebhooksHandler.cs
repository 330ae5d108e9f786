using Mediator;
using Signal.Application.Common.Abstractions;

namespace Signal.Application.Webhooks.ListWebhooks;

public sealed class ListWebhooksHandler(IWebhookQueries queries, ICurrentUser user) : IQueryHandler<ListWebhooksQuery, ListWebhooksResponse>
{
    public async ValueTask<ListWebhooksResponse> Handle(ListWebhooksQuery query, CancellationToken cancellationToken)
    {
        var page = await queries.ListAsync(user.OrgId, query.Limit, query.Offset, cancellationToken);
        return new ListWebhooksResponse(page.Items, page.Total, query.Limit, query.Offset);
    }
}
