namespace Signal.Domain.Rollouts;

/// <summary>
/// Which pipelines a rollout is for: those carrying every one of <see cref="Labels"/>, narrowed to
/// <see cref="PipelineIds"/> when that is not empty. Both empty: every pipeline.
/// </summary>
public sealed record RolloutSelector(IReadOnlyList<string> Labels, IReadOnlyList<string> PipelineIds);
