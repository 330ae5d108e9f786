using Signal.Domain.PipelineIntegrations;
using Signal.Domain.Templates;

namespace Signal.Domain.Rollouts;

/// <summary>One pipeline of a rollout: its pipeline integration of the template, and the revision it had before.</summary>
public sealed class RolloutTarget(
    string pipelineId, string pipelineName, string pipelineIntegrationId, RevisionRef from, TargetStatus status, DateTimeOffset? deployedAt)
{
    public string PipelineId { get; } = pipelineId;

    /// <summary>The pipeline's name when the rollout was loaded (what a reason and the representation show).</summary>
    public string PipelineName { get; } = pipelineName;

    public string PipelineIntegrationId { get; } = pipelineIntegrationId;

    /// <summary>The revision the pipeline integration had when the rollout was created: what a rollback restores.</summary>
    public RevisionRef From { get; } = from;

    public TargetStatus Status { get; private set; } = status;

    /// <summary>When it got the rollout's revision; the health gate counts its reports from then on.</summary>
    public DateTimeOffset? DeployedAt { get; private set; } = deployedAt;

    // A pipeline integration missing from `live` was deleted (or its pipeline was): there is nothing left to change.
    internal void Deploy(IReadOnlyDictionary<string, PipelineIntegration> live, RevisionRef to, string rolloutId, DateTimeOffset now)
    {
        if (!live.TryGetValue(PipelineIntegrationId, out var pipelineIntegration))
        {
            Status = TargetStatus.Removed;
            return;
        }

        pipelineIntegration.Pin(to, now, rolloutId);
        Status = TargetStatus.Deployed;
        DeployedAt = now;
    }

    internal void RollBack(IReadOnlyDictionary<string, PipelineIntegration> live, string rolloutId, DateTimeOffset now)
    {
        if (Status == TargetStatus.Pending)
        {
            Status = TargetStatus.Cancelled;
        }
        else if (Status == TargetStatus.Deployed)
        {
            if (!live.TryGetValue(PipelineIntegrationId, out var pipelineIntegration))
            {
                Status = TargetStatus.Removed;
                return;
            }

            pipelineIntegration.Pin(From, now, rolloutId);
            Status = TargetStatus.RolledBack;
        }
    }

    internal void Cancel()
    {
        if (Status == TargetStatus.Pending)
        {
            Status = TargetStatus.Cancelled;
        }
    }
}
