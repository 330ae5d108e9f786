using Mediator;
using Signal.Application.Common.Abstractions;

namespace Signal.Application.Delivery.ListDeliveryHealth;

public sealed class ListDeliveryHealthHandler(IDeliveryHealthQueries queries, ICurrentUser user)
    : IQueryHandler<ListDeliveryHealthQuery, ListDeliveryHealthResponse>
{
    public async ValueTask<ListDeliveryHealthResponse> Handle(ListDeliveryHealthQuery query, CancellationToken cancellationToken)
    {
        var page = await queries.ListAsync(user.OrgId, query, cancellationToken);
        return new ListDeliveryHealthResponse(page.Items, page.Total, query.Limit, query.Offset);
    }
}
