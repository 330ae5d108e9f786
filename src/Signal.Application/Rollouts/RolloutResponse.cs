using Signal.Domain.Rollouts;

namespace Signal.Application.Rollouts;

/// <summary>
/// A rollout (id ro_…): the revision it takes to which pipelines, its waves with each pipeline's progress and what the
/// processors reported for the deployed ones, where it stands, and why it stopped if it did.
/// </summary>
public sealed record RolloutResponse(
    string Id,
    RolloutStatus Status,
    string IntegrationId,
    string RevisionId,
    int RevisionNumber,
    RolloutSelector Selector,
    int BakeMinutes,
    HealthGate? HealthGate,
    int CurrentWave,
    IReadOnlyList<RolloutWaveResponse> Waves,
    string? Reason,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The representation of <paramref name="rollout"/>, each wave's health summed from <paramref name="deliveries"/>.</summary>
    public static RolloutResponse Of(Rollout rollout, IReadOnlyList<TargetDelivery> deliveries)
    {
        var byTarget = deliveries.ToDictionary(d => d.PipelineIntegrationId, StringComparer.Ordinal);
        return new RolloutResponse(rollout.Id, rollout.Status, rollout.TemplateId, rollout.Revision.Id, rollout.Revision.RevisionNumber,
            rollout.Selector, rollout.BakeMinutes, rollout.HealthGate, rollout.CurrentWave,
            [.. rollout.Waves.Select(wave => RolloutWaveResponse.Of(wave, rollout.Revision.RevisionNumber, byTarget))],
            rollout.Reason, rollout.CreatedBy, rollout.CreatedAt, rollout.UpdatedAt);
    }
}

/// <summary>
/// One wave: the cumulative percent of the rollout's pipelines it brings to the new revision, where it stands, when it
/// was deployed and finished, its pipelines, and its health — null until it is deployed.
/// </summary>
public sealed record RolloutWaveResponse(
    int Number,
    int Percent,
    WaveStatus Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<RolloutPipelineResponse> Pipelines,
    WaveHealth? Health)
{
    internal static RolloutWaveResponse Of(RolloutWave wave, int toRevision, IReadOnlyDictionary<string, TargetDelivery> deliveries)
    {
        WaveHealth? health = null;
        if (wave.StartedAt is not null)
        {
            var reported = wave.Targets.Select(t => deliveries.GetValueOrDefault(t.PipelineIntegrationId)).OfType<TargetDelivery>().ToList();
            var delivered = reported.Sum(d => d.Delivered);
            var failed = reported.Sum(d => d.Failed);
            health = new WaveHealth(delivered, failed, delivered + failed == 0 ? null : (double)failed / (delivered + failed));
        }

        return new RolloutWaveResponse(wave.Number, wave.Percent, wave.Status, wave.StartedAt, wave.CompletedAt,
            [.. wave.Targets.Select(t => new RolloutPipelineResponse(t.PipelineId, t.PipelineName, t.PipelineIntegrationId,
                t.From.RevisionNumber, toRevision, t.Status, t.DeployedAt))],
            health);
    }
}

/// <summary>One pipeline of a wave: the revision it had and the one it gets, where it stands, and when it got it.</summary>
public sealed record RolloutPipelineResponse(
    string PipelineId,
    string PipelineName,
    string PipelineIntegrationId,
    int FromRevision,
    int ToRevision,
    TargetStatus Status,
    DateTimeOffset? DeployedAt);

/// <summary>
/// Events the processors reported for a wave's pipelines while they ran the rollout's revision, since each one's deploy
/// (until the rollout ended): what the health gate judges, per pipeline.
/// </summary>
public sealed record WaveHealth(long Delivered, long Failed, double? FailureRate);
