using Mediator;

namespace Signal.Application.Rollouts.AdvanceRollouts;

/// <summary>
/// Sent by the rollout worker: takes the next running rollout after <paramref name="After"/> (by id) that no other worker
/// holds and moves it if it is due — rolled back by its health gate, or its next wave deployed once the current one
/// has baked. Answers the id it took (the next call starts after it), or null when none is left.
/// </summary>
public sealed record AdvanceNextRolloutCommand(string After) : ICommand<string?>;
