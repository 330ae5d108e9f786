using Mediator;
using Signal.Application.Common.Idempotency;

namespace Signal.Application.Rollouts.CreateRollout;

/// <summary>Rolls a revision of a template out to the pipelines a selector matches, in waves — or, as a dry run, shows the plan.</summary>
public sealed record CreateRolloutCommand(
    string? IntegrationId,
    string? RevisionId,
    int? RevisionNumber,
    RolloutSelectorInput? Selector,
    IReadOnlyList<RolloutWaveInput?>? Waves,
    int? BakeMinutes,
    HealthGateInput? HealthGate,
    bool DryRun,
    bool AllowUnresolved,
    string? IdempotencyKey = null) : ICommand<CreateRolloutResult>, IIdempotentCommand;

/// <param name="Labels">Pipelines carrying every one of these labels.</param>
/// <param name="PipelineIds">Narrows to these pipelines (pip_…); empty: no narrowing.</param>
public sealed record RolloutSelectorInput(IReadOnlyList<string?>? Labels = null, IReadOnlyList<string?>? PipelineIds = null);

/// <param name="Percent">The share of the pipelines (cumulative, 1..100) that run the new revision once this wave is deployed.</param>
public sealed record RolloutWaveInput(int? Percent = null);

/// <param name="MaxFailureRate">Roll back when a deployed pipeline's failure rate since its deploy is above this (0..1).</param>
/// <param name="MinEvents">… and it has at least this many events since its deploy (1 or more).</param>
public sealed record HealthGateInput(double? MaxFailureRate = null, long? MinEvents = null);

/// <summary>The plan of a dry run, or the rollout that was created.</summary>
public sealed record CreateRolloutResult(RolloutPlanResponse? Plan, RolloutResponse? Rollout);
