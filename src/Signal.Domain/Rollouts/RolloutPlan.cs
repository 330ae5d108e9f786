using Signal.Domain.Common;
using Signal.Domain.Templates;

namespace Signal.Domain.Rollouts;

/// <summary>
/// What a rollout would do: the pipelines that have the template at another revision than <see cref="Revision"/>,
/// ordered by pipeline id and split into waves (<see cref="RolloutRules.Split{T}"/>). A dry run shows it; a rollout
/// starts from it.
/// </summary>
public sealed class RolloutPlan
{
    public RolloutPlan(
        string orgId,
        string templateName,
        RevisionRef revision,
        RolloutSelector selector,
        IReadOnlyList<int> percents,
        int bakeMinutes,
        HealthGate? healthGate,
        IEnumerable<RolloutCandidate> candidates)
    {
        if (revision.OrgId != orgId)
        {
            throw new DomainRuleException("integration_id", "is not an integration template of this organisation");
        }

        if (!RolloutRules.AreValidWaves(percents))
        {
            throw new DomainRuleException("waves", RolloutRules.WavesMessage);
        }

        if (bakeMinutes is < 0 or > RolloutRules.MaxBakeMinutes)
        {
            throw new DomainRuleException("bake_minutes", $"must be between 0 and {RolloutRules.MaxBakeMinutes}");
        }

        Targets = [.. candidates.Where(c => c.From.Id != revision.Id).OrderBy(c => c.PipelineId, StringComparer.Ordinal)];
        if (Targets.Count == 0)
        {
            throw new DomainRuleException("selector",
                $"matches no pipeline that has integration template '{revision.TemplateId}' at a revision other than {revision.RevisionNumber}");
        }

        OrgId = orgId;
        TemplateName = templateName;
        Revision = revision;
        Selector = selector;
        Percents = percents;
        BakeMinutes = bakeMinutes;
        HealthGate = healthGate;
        Waves = RolloutRules.Split(Targets, percents);
    }

    public string OrgId { get; }

    public string TemplateName { get; }

    public RevisionRef Revision { get; }

    public RolloutSelector Selector { get; }

    public IReadOnlyList<int> Percents { get; }

    public int BakeMinutes { get; }

    public HealthGate? HealthGate { get; }

    /// <summary>Every pipeline that changes, by pipeline id.</summary>
    public IReadOnlyList<RolloutCandidate> Targets { get; }

    /// <summary><see cref="Targets"/> split by <see cref="Percents"/>.</summary>
    public IReadOnlyList<IReadOnlyList<RolloutCandidate>> Waves { get; }
}

/// <summary>A pipeline the selector matched that has the template assigned, and the revision it has.</summary>
public sealed record RolloutCandidate(string PipelineId, string PipelineName, string PipelineIntegrationId, RevisionRef From);
