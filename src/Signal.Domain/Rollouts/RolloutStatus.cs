namespace Signal.Domain.Rollouts;

/// <summary>Where a rollout is: running and paused are active (it owns its pipeline integrations' revisions), the rest are final.</summary>
public enum RolloutStatus
{
    Running,
    Paused,
    Completed,
    RolledBack,
    Aborted,
}

/// <summary>Where one wave is: waiting its turn, deployed and baking, done, reverted, or never deployed.</summary>
public enum WaveStatus
{
    Pending,
    Deployed,
    Completed,
    RolledBack,
    Cancelled,
}

/// <summary>Where one pipeline of a rollout is; <c>removed</c> when its pipeline integration was deleted before the rollout reached it.</summary>
public enum TargetStatus
{
    Pending,
    Deployed,
    RolledBack,
    Cancelled,
    Removed,
}
