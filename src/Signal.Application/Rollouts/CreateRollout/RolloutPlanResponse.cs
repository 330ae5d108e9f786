using Signal.Domain.Rollouts;

namespace Signal.Application.Rollouts.CreateRollout;

/// <summary>What a rollout would do: the revision, and every wave with the pipelines it would change.</summary>
public sealed record RolloutPlanResponse(
    string IntegrationId,
    string RevisionId,
    int RevisionNumber,
    int BakeMinutes,
    HealthGate? HealthGate,
    IReadOnlyList<PlannedWave> Waves)
{
    internal static RolloutPlanResponse Of(RolloutPlan plan, IReadOnlyDictionary<string, IReadOnlyList<string>> unresolved) => new(
        plan.Revision.TemplateId, plan.Revision.Id, plan.Revision.RevisionNumber, plan.BakeMinutes, plan.HealthGate,
        [.. plan.Waves.Select((targets, index) => new PlannedWave(index + 1, plan.Percents[index],
            [.. targets.Select(t => new PlannedPipeline(t.PipelineId, t.PipelineName, t.PipelineIntegrationId, t.From.RevisionNumber,
                plan.Revision.RevisionNumber, unresolved[t.PipelineIntegrationId]))]))]);
}

/// <summary>One wave of a plan: its cumulative percent and its pipelines, by pipeline id.</summary>
public sealed record PlannedWave(int Number, int Percent, IReadOnlyList<PlannedPipeline> Pipelines);

/// <summary>
/// A pipeline a rollout would change: the revision it has, the one it would get, and the parameters the new revision
/// references that the pipeline does not define (they would stay as <c>{{pipeline_param.KEY}}</c> text).
/// </summary>
public sealed record PlannedPipeline(
    string PipelineId,
    string PipelineName,
    string PipelineIntegrationId,
    int FromRevision,
    int ToRevision,
    IReadOnlyList<string> UnresolvedParameters);
