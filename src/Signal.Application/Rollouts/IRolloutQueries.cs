using Signal.Application.Common.Paging;
using Signal.Application.Rollouts.ListRollouts;

namespace Signal.Application.Rollouts;

/// <summary>Reads rollouts for display, each with its waves, pipelines and health.</summary>
public interface IRolloutQueries
{
    Task<RolloutResponse?> FindAsync(string orgId, string id, CancellationToken cancellationToken);

    /// <summary>Newest first, id as tie-breaker.</summary>
    Task<Page<RolloutResponse>> ListAsync(string orgId, ListRolloutsQuery query, CancellationToken cancellationToken);
}
