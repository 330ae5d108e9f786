using Mediator;

namespace Signal.Application.Rollouts.ChangeRollout;

/// <summary>An operator's move on a rollout: pause, resume, abort or roll back.</summary>
public sealed record ChangeRolloutCommand(string Id, RolloutChange Change) : ICommand<RolloutResponse>;

public enum RolloutChange
{
    /// <summary>The worker stops advancing it (and stops judging its health gate) until it is resumed.</summary>
    Pause,

    /// <summary>The worker advances it again.</summary>
    Resume,

    /// <summary>It stops where it is: deployed pipelines keep the new revision.</summary>
    Abort,

    /// <summary>Every deployed pipeline goes back to the revision it had before.</summary>
    RollBack,
}
