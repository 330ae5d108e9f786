using System.Text.Json.Nodes;
using Signal.Domain.Audit;
using Signal.Domain.Common;
using Signal.Domain.PipelineIntegrations;
using Signal.Domain.Templates;

namespace Signal.Domain.Rollouts;

/// <summary>
/// One revision of a template taken to a set of pipelines in waves: wave 1 when it is created, each next wave once the
/// current one has baked, and every deployed pipeline back to its old revision when the health gate fails or someone
/// rolls it back. While it is running or paused it owns its pipeline integrations' revisions. Every deploy and revert
/// is <see cref="PipelineIntegration.Pin"/>, the same change a manual update makes.
/// </summary>
public sealed class Rollout : AggregateRoot
{
    public const string IdPrefix = "ro";

    private Rollout(RolloutState state)
    {
        Id = state.Id;
        OrgId = state.OrgId;
        TemplateName = state.TemplateName;
        Revision = state.Revision;
        Selector = state.Selector;
        BakeMinutes = state.BakeMinutes;
        HealthGate = state.HealthGate;
        Status = state.Status;
        CurrentWave = state.CurrentWave;
        Waves = state.Waves;
        Reason = state.Reason;
        CreatedBy = state.CreatedBy;
        CreatedAt = state.CreatedAt;
        UpdatedAt = state.UpdatedAt;
    }

    public override string Id { get; }

    public override string OrgId { get; }

    /// <summary>The template's id (<c>integration_id</c> on the wire).</summary>
    public string TemplateId => Revision.TemplateId;

    public string TemplateName { get; }

    /// <summary>The revision being rolled out.</summary>
    public RevisionRef Revision { get; }

    public RolloutSelector Selector { get; }

    public int BakeMinutes { get; }

    public HealthGate? HealthGate { get; }

    public RolloutStatus Status { get; private set; }

    /// <summary>The number of the wave deployed last (1-based).</summary>
    public int CurrentWave { get; private set; }

    public IReadOnlyList<RolloutWave> Waves { get; }

    /// <summary>Why it ended other than by completing: the health gate's finding, or who aborted or rolled it back.</summary>
    public string? Reason { get; private set; }

    public string CreatedBy { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Running or paused: its pipeline integrations' revisions are its own.</summary>
    public bool IsActive => Status is RolloutStatus.Running or RolloutStatus.Paused;

    public IEnumerable<RolloutTarget> Targets => Waves.SelectMany(wave => wave.Targets);

    /// <summary>
    /// Creates the rollout <paramref name="plan"/> describes and deploys its wave 1 to the pipeline integrations in
    /// <paramref name="live"/>, which holds every target's, locked. A target that another rollout owns is a conflict.
    /// </summary>
    public static Rollout Start(RolloutPlan plan, IReadOnlyDictionary<string, PipelineIntegration> live, string createdBy, DateTimeOffset now)
    {
        var busy = plan.Targets
            .Select(target => live.GetValueOrDefault(target.PipelineIntegrationId))
            .Where(pipelineIntegration => pipelineIntegration?.ActiveRolloutId is not null)
            .ToList();
        if (busy.Count > 0)
        {
            throw new DomainConflictException("rollout_conflict",
                $"{busy.Count} of the targeted pipelines are already in an active rollout; wait for it to end, or narrow the selector.",
                new Dictionary<string, object>
                {
                    ["rollout_ids"] = busy.Select(pi => pi!.ActiveRolloutId!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                    ["pipeline_ids"] = busy.Select(pi => pi!.PipelineId).Order(StringComparer.Ordinal).ToList(),
                });
        }

        var id = Ids.New(IdPrefix, now);
        var waves = plan.Waves.Select((targets, index) => new RolloutWave(index + 1, plan.Percents[index], WaveStatus.Pending, null, null,
            [.. targets.Select(t => new RolloutTarget(t.PipelineId, t.PipelineName, t.PipelineIntegrationId, t.From, TargetStatus.Pending, null))]));
        var rollout = new Rollout(new RolloutState(id, plan.OrgId, plan.TemplateName, plan.Revision, plan.Selector, plan.BakeMinutes,
            plan.HealthGate, RolloutStatus.Running, 1, [.. waves], null, createdBy, now, now));
        rollout.RecordCreation(AuditActions.RolloutCreated, now, rolloutId: id);
        rollout.Waves[0].Deploy(live, plan.Revision, id, now);
        return rollout;
    }

    public static Rollout Rehydrate(RolloutState state) => new(state);

    /// <summary>
    /// What the worker should do now, given what was reported for the deployed pipeline integrations since their deploy:
    /// roll back when the health gate fails (checked on every pass, while the wave bakes too), advance once the current
    /// wave has baked <see cref="BakeMinutes"/>, otherwise wait. Only a running rollout moves.
    /// </summary>
    public RolloutDecision Decide(IReadOnlyList<TargetDelivery> deliveries, DateTimeOffset now)
    {
        if (Status != RolloutStatus.Running)
        {
            return RolloutDecision.Wait;
        }

        var deployed = Targets.Where(t => t.Status == TargetStatus.Deployed).ToDictionary(t => t.PipelineIntegrationId, StringComparer.Ordinal);
        if (HealthGate?.FirstBreach(deliveries.Where(d => deployed.ContainsKey(d.PipelineIntegrationId))) is { } breach)
        {
            return new RolloutDecision(RolloutStep.RollBack, HealthGate.Explain(breach, deployed[breach.PipelineIntegrationId].PipelineName));
        }

        var current = Waves[CurrentWave - 1];
        return now >= current.StartedAt!.Value.AddMinutes(BakeMinutes) ? RolloutDecision.Advance : RolloutDecision.Wait;
    }

    /// <summary>The pipeline integrations <paramref name="step"/> changes: the next wave's, or every deployed one.</summary>
    public IReadOnlyList<string> PipelineIntegrationsFor(RolloutStep step) => step switch
    {
        RolloutStep.Advance when CurrentWave < Waves.Count => [.. Waves[CurrentWave].Targets.Select(t => t.PipelineIntegrationId)],
        RolloutStep.RollBack => [.. Targets.Where(t => t.Status == TargetStatus.Deployed).Select(t => t.PipelineIntegrationId)],
        _ => [],
    };

    /// <summary>Completes the current wave and deploys the next one, or completes the rollout after the last.</summary>
    public void Advance(IReadOnlyDictionary<string, PipelineIntegration> live, DateTimeOffset now)
    {
        EnsureStatus(RolloutStatus.Running, "advanced");
        var before = AuditedState();
        Waves[CurrentWave - 1].Complete(now);
        UpdatedAt = now;
        if (CurrentWave == Waves.Count)
        {
            Status = RolloutStatus.Completed;
            RecordChange(AuditActions.RolloutCompleted, before, now, evenIfUnchanged: true, rolloutId: Id);
            return;
        }

        CurrentWave++;
        Waves[CurrentWave - 1].Deploy(live, Revision, Id, now);
        RecordChange(AuditActions.RolloutAdvanced, before, now, evenIfUnchanged: true, rolloutId: Id);
    }

    /// <summary>Puts every deployed pipeline back to its old revision; waves not reached are cancelled.</summary>
    public void RollBack(string reason, IReadOnlyDictionary<string, PipelineIntegration> live, DateTimeOffset now)
    {
        EnsureActive("rolled back");
        var before = AuditedState();
        foreach (var wave in Waves)
        {
            wave.RollBack(live, Id, now);
        }

        End(RolloutStatus.RolledBack, reason, now);
        RecordChange(AuditActions.RolloutRolledBack, before, now, evenIfUnchanged: true, rolloutId: Id);
    }

    /// <summary>Stops where it is: deployed pipelines keep the new revision, waves not reached are cancelled.</summary>
    public void Abort(string reason, DateTimeOffset now)
    {
        EnsureActive("aborted");
        var before = AuditedState();
        foreach (var wave in Waves)
        {
            wave.Cancel();
        }

        End(RolloutStatus.Aborted, reason, now);
        RecordChange(AuditActions.RolloutAborted, before, now, evenIfUnchanged: true, rolloutId: Id);
    }

    /// <summary>Stops the worker from advancing it (or rolling it back); pausing a paused rollout changes nothing.</summary>
    public void Pause(DateTimeOffset now) => MoveBetweenActive(RolloutStatus.Running, RolloutStatus.Paused, AuditActions.RolloutPaused, now);

    /// <summary>Lets the worker advance it again; the current wave's bake counts from its deploy, the pause included.</summary>
    public void Resume(DateTimeOffset now) => MoveBetweenActive(RolloutStatus.Paused, RolloutStatus.Running, AuditActions.RolloutResumed, now);

    protected override string ResourceType => ResourceTypes.Rollout;

    protected override string? ResourceName => TemplateName;

    protected override JsonObject AuditedState()
    {
        var state = State(
            ("integration_id", TemplateId),
            ("revision_id", Revision.Id),
            ("revision_number", Revision.RevisionNumber),
            ("bake_minutes", BakeMinutes),
            ("status", WireNames.Of(Status)),
            ("current_wave", CurrentWave),
            ("reason", Reason));
        state["selector"] = new JsonObject { ["labels"] = Array(Selector.Labels), ["pipeline_ids"] = Array(Selector.PipelineIds) };
        state["waves"] = new JsonArray([.. Waves.Select(wave => (JsonNode)wave.Percent)]);
        if (HealthGate is { } gate)
        {
            state["health_gate"] = new JsonObject { ["max_failure_rate"] = gate.MaxFailureRate, ["min_events"] = gate.MinEvents };
        }

        return state;
    }

    private void MoveBetweenActive(RolloutStatus from, RolloutStatus to, string action, DateTimeOffset now)
    {
        EnsureActive(to == RolloutStatus.Paused ? "paused" : "resumed");
        if (Status != from)
        {
            return;
        }

        var before = AuditedState();
        Status = to;
        UpdatedAt = now;
        RecordChange(action, before, now, rolloutId: Id);
    }

    private void End(RolloutStatus status, string reason, DateTimeOffset now)
    {
        Status = status;
        Reason = reason;
        UpdatedAt = now;
    }

    private void EnsureActive(string verb)
    {
        if (!IsActive)
        {
            throw new DomainConflictException("rollout_not_active",
                $"Rollout '{Id}' is {WireNames.Of(Status)} and can no longer be {verb}; start a new rollout instead.",
                new Dictionary<string, object> { ["rollout_status"] = WireNames.Of(Status) });
        }
    }

    private void EnsureStatus(RolloutStatus status, string verb)
    {
        if (Status != status)
        {
            throw new DomainConflictException("rollout_not_active",
                $"Rollout '{Id}' is {WireNames.Of(Status)} and can only be {verb} while {WireNames.Of(status)}.",
                new Dictionary<string, object> { ["rollout_status"] = WireNames.Of(Status) });
        }
    }
}

/// <summary>Everything a rollout is made of, as stored.</summary>
public sealed record RolloutState(
    string Id,
    string OrgId,
    string TemplateName,
    RevisionRef Revision,
    RolloutSelector Selector,
    int BakeMinutes,
    HealthGate? HealthGate,
    RolloutStatus Status,
    int CurrentWave,
    IReadOnlyList<RolloutWave> Waves,
    string? Reason,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>What the worker does with a running rollout on one pass.</summary>
public enum RolloutStep
{
    Wait,
    Advance,
    RollBack,
}

/// <summary>A step and, for a rollback, its reason.</summary>
public sealed record RolloutDecision(RolloutStep Step, string? Reason = null)
{
    public static RolloutDecision Wait { get; } = new(RolloutStep.Wait);

    public static RolloutDecision Advance { get; } = new(RolloutStep.Advance);
}
