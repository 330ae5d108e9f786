using Signal.Application.Rollouts.CreateRollout;

namespace Signal.Api.Contracts.Rollouts;

/// <summary>Body of <c>POST /v1/admin/rollouts</c>.</summary>
/// <param name="IntegrationId">The template whose revision is rolled out (tmpl_…).</param>
/// <param name="RevisionId">The revision to roll out (rev_…); or give revision_number; neither rolls out the latest.</param>
/// <param name="RevisionNumber">The revision number to roll out.</param>
/// <param name="Selector">Which pipelines: those with every one of `labels`, narrowed to `pipeline_ids` when given. Only pipelines that have the template at another revision are changed.</param>
/// <param name="Waves">Cumulative percents of the pipelines, ascending, the last 100 (default `[{"percent":100}]`). Pipelines are taken by id, so a percent always means the same pipelines.</param>
/// <param name="BakeMinutes">How long each wave runs before the next one deploys, 0..1440 (default 10; 0: the next worker pass).</param>
/// <param name="HealthGate">Roll every deployed pipeline back when one of them has, since its deploy, at least `min_events` events with a failure rate above `max_failure_rate`; null: no gate.</param>
/// <param name="DryRun">true: answer 200 with the plan (waves, pipelines, unresolved parameters) and change nothing.</param>
/// <param name="AllowUnresolved">true: roll out even to pipelines that lack a parameter the revision references.</param>
public sealed record CreateRolloutRequest(
    string IntegrationId,
    string? RevisionId = null,
    int? RevisionNumber = null,
    RolloutSelectorInput? Selector = null,
    IReadOnlyList<RolloutWaveInput?>? Waves = null,
    int? BakeMinutes = null,
    HealthGateInput? HealthGate = null,
    bool DryRun = false,
    bool AllowUnresolved = false);
