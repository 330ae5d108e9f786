namespace Signal.Application.Rollouts;

/// <summary>How often the rollout worker looks at running rollouts (<c>Rollouts:PollInterval</c>, default 15 s).</summary>
public sealed record RolloutSettings(TimeSpan PollInterval);
