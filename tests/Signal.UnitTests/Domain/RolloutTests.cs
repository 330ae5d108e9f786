using Signal.Domain.Audit;
using Signal.Domain.Common;
using Signal.Domain.PipelineIntegrations;
using Signal.Domain.Rollouts;
using Signal.Domain.Templates;

namespace Signal.UnitTests.Domain;

public sealed class RolloutTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly RevisionRef Old = new("rev_1", "org_1", "tmpl_1", 1, DeliveryMode.ServerSide);
    private static readonly RevisionRef New = new("rev_2", "org_1", "tmpl_1", 2, DeliveryMode.ServerSide);

    private static PipelineIntegration Live(int i, RevisionRef? at = null, string? owner = null) =>
        PipelineIntegration.Rehydrate($"pi_{i}", "org_1", $"pip_{i:D2}", at ?? Old, "GA4", true, Now, Now, owner);

    private static RolloutPlan Plan(IEnumerable<PipelineIntegration> pipelineIntegrations, IReadOnlyList<int>? waves = null, HealthGate? gate = null, int bake = 10) =>
        new("org_1", "GA4", New, new RolloutSelector(["env:prod"], []), waves ?? [50, 100], bake, gate,
            pipelineIntegrations.Select(pi => new RolloutCandidate(pi.PipelineId, $"Shop {pi.PipelineId}", pi.Id,
                pi.RevisionId == New.Id ? New : Old)));

    private static (Rollout Rollout, Dictionary<string, PipelineIntegration> Live) Started(int count, HealthGate? gate = null, IReadOnlyList<int>? waves = null)
    {
        var live = Enumerable.Range(1, count).Select(i => Live(i)).ToDictionary(pi => pi.Id);
        return (Rollout.Start(Plan(live.Values, waves, gate), live, "user_1", Now), live);
    }

    [Theory]
    [InlineData(10, new[] { 10, 50, 100 }, new[] { 1, 4, 5 })]
    [InlineData(3, new[] { 10, 50, 100 }, new[] { 1, 1, 1 })]
    [InlineData(1, new[] { 50, 100 }, new[] { 1, 0 })]
    [InlineData(7, new[] { 100 }, new[] { 7 })]
    public void Split_TakesTheFirstCeilingOfEachPercent(int count, int[] percents, int[] sizes)
    {
        var waves = RolloutRules.Split(Enumerable.Range(0, count).ToList(), percents);

        waves.Select(w => w.Count).Should().Equal(sizes);
        waves.SelectMany(w => w).Should().Equal(Enumerable.Range(0, count), "every item once, in order");
    }

    [Theory]
    [InlineData(new[] { 100 }, true)]
    [InlineData(new[] { 1, 100 }, true)]
    [InlineData(new int[0], false)]
    [InlineData(new[] { 50 }, false)]
    [InlineData(new[] { 50, 50, 100 }, false)]
    [InlineData(new[] { 60, 40, 100 }, false)]
    [InlineData(new[] { 0, 100 }, false)]
    public void Waves_AscendToOneHundred(int[] percents, bool valid) => RolloutRules.AreValidWaves(percents).Should().Be(valid);

    [Fact]
    public void Plan_OrdersByPipelineId_AndLeavesOutPipelinesAlreadyAtTheRevision()
    {
        var plan = Plan([Live(3), Live(1), Live(2, at: New)]);

        plan.Targets.Select(t => t.PipelineId).Should().Equal("pip_01", "pip_03");
        plan.Waves.Select(w => string.Join(",", w.Select(t => t.PipelineId))).Should().Equal("pip_01", "pip_03");
    }

    [Fact]
    public void Plan_WithNothingToChange_IsRefusedOnTheSelector()
    {
        var plan = () => Plan([Live(1, at: New)]);

        plan.Should().Throw<DomainRuleException>().Which.Errors.Should().ContainKey("selector");
    }

    [Fact]
    public void Start_DeploysWaveOne_AndTakesEveryTarget_RecordingTheRolloutOnEachChange()
    {
        var (rollout, live) = Started(4);

        rollout.Id.Should().StartWith("ro_");
        (rollout.Status, rollout.CurrentWave).Should().Be((RolloutStatus.Running, 1));
        rollout.Waves[0].Targets.Should().OnlyContain(t => t.Status == TargetStatus.Deployed && t.DeployedAt == Now);
        rollout.Waves[1].Targets.Should().OnlyContain(t => t.Status == TargetStatus.Pending);
        live.Values.Select(pi => pi.RevisionNumber).Should().Equal(2, 2, 1, 1);
        var events = live.Values.SelectMany(pi => pi.TakeRecordedChanges()).Concat(rollout.TakeRecordedChanges()).ToList();
        events.Select(e => e.Action).Should().Equal(AuditActions.PipelineIntegrationUpdated, AuditActions.PipelineIntegrationUpdated, AuditActions.RolloutCreated);
        events.Should().OnlyContain(e => e.RolloutId == rollout.Id);
    }

    [Fact]
    public void Start_WithATargetAnotherRolloutOwns_IsARolloutConflict()
    {
        var live = new[] { Live(1), Live(2, owner: "ro_other") }.ToDictionary(pi => pi.Id);

        var start = () => Rollout.Start(Plan(live.Values), live, "user_1", Now);

        var conflict = start.Should().Throw<DomainConflictException>().Which;
        conflict.Code.Should().Be("rollout_conflict");
        ((IEnumerable<string>)conflict.Details["rollout_ids"]).Should().Equal("ro_other");
        ((IEnumerable<string>)conflict.Details["pipeline_ids"]).Should().Equal("pip_02");
    }

    [Fact]
    public void Decide_WaitsForTheBake_ThenAdvances_ThenCompletes()
    {
        var (rollout, live) = Started(2);

        rollout.Decide([], Now.AddMinutes(9)).Should().Be(RolloutDecision.Wait);
        rollout.Decide([], Now.AddMinutes(10)).Should().Be(RolloutDecision.Advance);
        rollout.PipelineIntegrationsFor(RolloutStep.Advance).Should().Equal("pi_2");

        rollout.Advance(live, Now.AddMinutes(10));
        (rollout.CurrentWave, rollout.Waves[0].Status, rollout.Waves[1].Status).Should().Be((2, WaveStatus.Completed, WaveStatus.Deployed));
        live["pi_2"].RevisionNumber.Should().Be(2);
        rollout.Decide([], Now.AddMinutes(19)).Should().Be(RolloutDecision.Wait, "the second wave bakes from its own deploy");

        rollout.Advance(live, Now.AddMinutes(20));
        rollout.Status.Should().Be(RolloutStatus.Completed);
        rollout.IsActive.Should().BeFalse();
        rollout.TakeRecordedChanges().Select(c => c.Action).Should().Equal(
            AuditActions.RolloutCreated, AuditActions.RolloutAdvanced, AuditActions.RolloutCompleted);
    }

    [Fact]
    public void Decide_RollsBack_WhenADeployedPipelineBreaksTheGate_NamingIt()
    {
        var (rollout, _) = Started(2, gate: new HealthGate(0.1, 20));

        rollout.Decide([new TargetDelivery("pi_1", "pip_01", 10, 9)], Now.AddMinutes(1)).Should().Be(RolloutDecision.Wait, "19 events are too few to judge");
        rollout.Decide([new TargetDelivery("pi_1", "pip_01", 18, 2)], Now.AddMinutes(1)).Should().Be(RolloutDecision.Wait, "10 % is not above 0.1");
        rollout.Decide([new TargetDelivery("pi_2", "pip_02", 0, 50)], Now.AddMinutes(1)).Should().Be(RolloutDecision.Wait, "pi_2 is not deployed yet");

        var decision = rollout.Decide([new TargetDelivery("pi_1", "pip_01", 17, 3)], Now.AddMinutes(1));

        decision.Step.Should().Be(RolloutStep.RollBack);
        decision.Reason.Should().Contain("Shop pip_01").And.Contain("pip_01").And.Contain("3 of 20");
    }

    [Fact]
    public void RollBack_RestoresEveryDeployedPipeline_AndCancelsTheRest()
    {
        var (rollout, live) = Started(4);
        rollout.Decide([], Now.AddMinutes(10));

        rollout.RollBack("Rolled back by user_1.", live, Now.AddMinutes(1));

        live.Values.Should().OnlyContain(pi => pi.RevisionId == Old.Id);
        (rollout.Status, rollout.Reason).Should().Be((RolloutStatus.RolledBack, "Rolled back by user_1."));
        rollout.Waves.Select(w => w.Status).Should().Equal(WaveStatus.RolledBack, WaveStatus.Cancelled);
        rollout.Targets.Select(t => t.Status).Should().Equal(TargetStatus.RolledBack, TargetStatus.RolledBack, TargetStatus.Cancelled, TargetStatus.Cancelled);
    }

    [Fact]
    public void ATargetWhosePipelineIntegrationIsGone_IsRemoved_NotAnError()
    {
        var (rollout, live) = Started(2);
        live.Remove("pi_2");

        rollout.Advance(live, Now.AddMinutes(10));

        rollout.Waves[1].Targets.Single().Status.Should().Be(TargetStatus.Removed);
    }

    [Fact]
    public void Abort_KeepsWhatWasDeployed()
    {
        var (rollout, live) = Started(2);

        rollout.Abort("Aborted by user_1.", Now.AddMinutes(1));

        rollout.Status.Should().Be(RolloutStatus.Aborted);
        live["pi_1"].RevisionId.Should().Be(New.Id);
        rollout.Targets.Select(t => t.Status).Should().Equal(TargetStatus.Deployed, TargetStatus.Cancelled);
    }

    [Fact]
    public void PauseAndResume_AreIdempotent_AndAPausedRolloutWaits()
    {
        var (rollout, _) = Started(2);
        rollout.TakeRecordedChanges();

        rollout.Pause(Now);
        rollout.Pause(Now);
        rollout.Decide([], Now.AddDays(1)).Should().Be(RolloutDecision.Wait);
        rollout.Resume(Now);
        rollout.Resume(Now);

        rollout.Status.Should().Be(RolloutStatus.Running);
        rollout.TakeRecordedChanges().Select(c => c.Action).Should().Equal(AuditActions.RolloutPaused, AuditActions.RolloutResumed);
    }

    [Fact]
    public void AnEndedRollout_RefusesEveryMove()
    {
        var (rollout, live) = Started(1, waves: [100]);
        rollout.Advance(live, Now.AddMinutes(10));

        Action[] moves = [() => rollout.Pause(Now), () => rollout.Resume(Now), () => rollout.Abort("x", Now), () => rollout.RollBack("x", live, Now),
            () => rollout.Advance(live, Now)];

        foreach (var move in moves)
        {
            move.Should().Throw<DomainConflictException>().Which.Code.Should().Be("rollout_not_active");
        }
    }
}
