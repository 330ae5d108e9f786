using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.Rollouts.GetRollout;

public sealed class GetRolloutHandler(IRolloutQueries queries, ICurrentUser user) : IQueryHandler<GetRolloutQuery, RolloutResponse>
{
    public async ValueTask<RolloutResponse> Handle(GetRolloutQuery query, CancellationToken cancellationToken) =>
        await queries.FindAsync(user.OrgId, query.Id, cancellationToken) ?? throw new NotFoundException("Rollout", query.Id);
}
