using Mediator;
using Signal.Application.Common.Abstractions;

namespace Signal.Application.Audit.ListAuditEvents;

public sealed class ListAuditEventsHandler(IAuditEventQueries queries, ICurrentUser user)
    : IQueryHandler<ListAuditEventsQuery, ListAuditEventsResponse>
{
    public async ValueTask<ListAuditEventsResponse> Handle(ListAuditEventsQuery query, CancellationToken cancellationToken)
    {
        long? before = AuditCursor.TryDecode(query.Cursor, out var sequence) ? sequence : null;

        // One more than the page tells whether there is a next page without counting.
        var events = await queries.ListAsync(user.OrgId, new AuditEventFilter(
            query.ResourceType, query.ResourceId, query.ActorId, query.Action, query.Since, query.Until, before, query.Limit + 1), cancellationToken);
        return events.Count > query.Limit
            ? new ListAuditEventsResponse(events.Take(query.Limit).ToList(), AuditCursor.Encode(events[query.Limit - 1].Sequence))
            : new ListAuditEventsResponse(events, NextCursor: null);
    }
}
