using Mediator;
using Signal.Application.Common.Paging;
using Signal.Domain.Rollouts;

namespace Signal.Application.Rollouts.ListRollouts;

/// <summary>The organisation's rollouts, newest first.</summary>
public sealed record ListRolloutsQuery(
    RolloutStatus? Status,
    string? IntegrationId,
    int Limit = PagingRules.DefaultLimit,
    int Offset = 0) : IQuery<ListRolloutsResponse>;

public sealed record ListRolloutsResponse(IReadOnlyList<RolloutResponse> Rollouts, int Total, int Limit, int Offset);
