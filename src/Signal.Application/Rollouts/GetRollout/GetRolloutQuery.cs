using Mediator;

namespace Signal.Application.Rollouts.GetRollout;

public sealed record GetRolloutQuery(string Id) : IQuery<RolloutResponse>;
