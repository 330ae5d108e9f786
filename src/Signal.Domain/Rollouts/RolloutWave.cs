using Signal.Domain.PipelineIntegrations;
using Signal.Domain.Templates;

namespace Signal.Domain.Rollouts;

/// <summary>One step of a rollout: a share of its pipelines, deployed together and then left to bake.</summary>
public sealed class RolloutWave(
    int number, int percent, WaveStatus status, DateTimeOffset? startedAt, DateTimeOffset? completedAt, IReadOnlyList<RolloutTarget> targets)
{
    public int Number { get; } = number;

    /// <summary>The share of the rollout's pipelines deployed once this wave is (cumulative).</summary>
    public int Percent { get; } = percent;

    public WaveStatus Status { get; private set; } = status;

    public DateTimeOffset? StartedAt { get; private set; } = startedAt;

    public DateTimeOffset? CompletedAt { get; private set; } = completedAt;

    /// <summary>This wave's pipelines, by pipeline id.</summary>
    public IReadOnlyList<RolloutTarget> Targets { get; } = targets;

    internal void Deploy(IReadOnlyDictionary<string, PipelineIntegration> live, RevisionRef to, string rolloutId, DateTimeOffset now)
    {
        foreach (var target in Targets)
        {
            target.Deploy(live, to, rolloutId, now);
        }

        Status = WaveStatus.Deployed;
        StartedAt = now;
    }

    internal void Complete(DateTimeOffset now)
    {
        Status = WaveStatus.Completed;
        CompletedAt = now;
    }

    internal void RollBack(IReadOnlyDictionary<string, PipelineIntegration> live, string rolloutId, DateTimeOffset now)
    {
        foreach (var target in Targets)
        {
            target.RollBack(live, rolloutId, now);
        }

        if (Status == WaveStatus.Pending)
        {
            Status = WaveStatus.Cancelled;
            return;
        }

        Status = WaveStatus.RolledBack;
        CompletedAt = now;
    }

    internal void Cancel()
    {
        if (Status != WaveStatus.Pending)
        {
            return;
        }

        foreach (var target in Targets)
        {
            target.Cancel();
        }

        Status = WaveStatus.Cancelled;
    }
}
