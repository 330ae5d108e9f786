using Mediator;
using Signal.Application.Common.Abstractions;

namespace Signal.Application.Rollouts.ListRollouts;

public sealed class ListRolloutsHandler(IRolloutQueries queries, ICurrentUser user) : IQueryHandler<ListRolloutsQuery, ListRolloutsResponse>
{
    public async ValueTask<ListRolloutsResponse> Handle(ListRolloutsQuery query, CancellationToken cancellationToken)
    {
        var page = await queries.ListAsync(user.OrgId, query, cancellationToken);
        return new ListRolloutsResponse(page.Items, page.Total, query.Limit, query.Offset);
    }
}
