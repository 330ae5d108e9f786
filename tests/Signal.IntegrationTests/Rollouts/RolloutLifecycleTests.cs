using System.Net;
using Signal.IntegrationTests.Delivery;
using Signal.IntegrationTests.Infrastructure;
using static Signal.IntegrationTests.Rollouts.RolloutApi;

namespace Signal.IntegrationTests.Rollouts;

/// <summary>
/// A rollout from creation to its end, on a clock the test moves: wave 1 deployed by the request, each next wave by a
/// worker pass once the current one has baked, the health gate rolling everything back, and an operator's moves.
/// </summary>
public sealed class RolloutLifecycleTests(FakeClockApiFactory factory) : ApiTest<FakeClockApiFactory>(factory), IClassFixture<FakeClockApiFactory>
{
    private const string FeedPath = "/v1/processor/config";

    private HttpClient Editor() => Factory.CreateClient(Org, "editor");

    [Fact]
    public async Task ATwoWaveRollout_DeploysWaveOneAtOnce_TheNextAfterTheBake_AndCompletes()
    {
        var fleet = await Editor().FleetAsync(4);
        using var metrics = new MetricRecorder(Factory);

        var response = await Editor().PostRolloutAsync(Body(fleet.TemplateId, ""","waves":[{"percent":50},{"percent":100}],"bake_minutes":10"""));

        var created = await response.ShouldBeAsync(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();
        id.Should().StartWith("ro_");
        response.Headers.Location!.ToString().Should().EndWith($"{RolloutsPath}/{id}");
        (created.Status(), (int)created["current_wave"]!, (int)created["revision_number"]!).Should().Be(("running", 1, 2));
        created["waves"]!.AsArray().Select(w => w!["pipelines"]!.AsArray().Select(p => p!["pipeline_id"]!.GetValue<string>()))
            .Should().BeEquivalentTo([new[] { fleet.Pipeline(0), fleet.Pipeline(1) }, [fleet.Pipeline(2), fleet.Pipeline(3)]],
                o => o.WithStrictOrdering(), "waves take pipelines by id");
        created.TargetStatuses().Should().Equal("deployed", "deployed", "pending", "pending");
        (await RevisionsAsync(fleet)).Should().Equal(2, 2, 1, 1);
        (await FeedMeasurementIdAsync(fleet.Pipeline(0))).Should().Be(NewMeasurementId, "the processor feed shows wave 1's new revision");
        (await FeedMeasurementIdAsync(fleet.Pipeline(2))).Should().Be(fleet.MeasurementId(2));

        Factory.Clock.Advance(TimeSpan.FromMinutes(9));
        (await Factory.PassAsync()).Should().Be(1);
        (await RevisionsAsync(fleet)).Should().Equal([2, 2, 1, 1], "wave 1 has not baked ten minutes yet");

        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await Factory.PassAsync();
        var second = await Viewer().RolloutAsync(id);
        (second.Status(), (int)second["current_wave"]!).Should().Be(("running", 2));
        second["waves"]!.AsArray().Select(w => w!["status"]!.GetValue<string>()).Should().Equal("completed", "deployed");
        (await RevisionsAsync(fleet)).Should().Equal(2, 2, 2, 2);

        Factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await Factory.PassAsync();
        var done = await Viewer().RolloutAsync(id);
        done.Status().Should().Be("completed");
        done.TargetStatuses().Should().OnlyContain(s => s == "deployed");
        (await Factory.PassAsync()).Should().Be(0, "a completed rollout is not looked at again");
        (metrics.Total("signal.rollout.transitions", "transition=created"), metrics.Total("signal.rollout.transitions", "transition=advanced"),
            metrics.Total("signal.rollout.transitions", "transition=completed")).Should().Be((1, 1, 1));

        using var manual = await Editor().PutJsonAsync(
            $"{PipelineIntegrations.AssignmentApi.IntegrationsPath(fleet.Pipeline(0))}/{fleet.Pi(0)}", """{"revision_number":1}""");
        manual.StatusCode.Should().Be(HttpStatusCode.OK, "a completed rollout no longer owns its pipelines");
    }

    [Fact]
    public async Task EveryDeployIsAnAuditedChange_NamingTheRollout()
    {
        var fleet = await Editor().FleetAsync(2);
        var id = (await Editor().StartRolloutAsync(fleet.TemplateId, ""","waves":[{"percent":50},{"percent":100}],"bake_minutes":0"""))["id"]!.GetValue<string>();
        await Factory.PassAsync();

        var admin = Factory.CreateClient(Org, "admin");
        var changes = await (await admin.GetAsync(new Uri($"/v1/admin/audit-events?resource_type=pipeline_integration&action=pipeline_integration.updated", UriKind.Relative)))
            .ShouldBeAsync(HttpStatusCode.OK);
        var events = changes["audit_events"]!.AsArray();
        events.Select(e => e!["resource_id"]!.GetValue<string>()).Should().BeEquivalentTo([fleet.Pi(0), fleet.Pi(1)]);
        events.Should().OnlyContain(e => e!["context"]!["rollout_id"]!.GetValue<string>() == id);
        events.Select(e => (int)e!["changes"]!["revision_number"]!["new"]!).Should().OnlyContain(n => n == 2);
        events.Select(e => e!["actor"]!["type"]!.GetValue<string>()).Should().BeEquivalentTo(["system", "user"], "wave 2 was deployed by the worker");

        var rolloutEvents = await (await admin.GetAsync(new Uri($"/v1/admin/audit-events?resource_id={id}", UriKind.Relative))).ShouldBeAsync(HttpStatusCode.OK);
        rolloutEvents["audit_events"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()).Should().Equal("rollout.advanced", "rollout.created");
        ((int)rolloutEvents["audit_events"]![0]!["changes"]!["current_wave"]!["new"]!).Should().Be(2);
    }

    [Fact]
    public async Task TheHealthGate_RollsEveryDeployedPipelineBack_WhenAWaveOnePipelineFails()
    {
        var fleet = await Editor().FleetAsync(4);
        var created = await Editor().StartRolloutAsync(fleet.TemplateId,
            ""","waves":[{"percent":50},{"percent":100}],"bake_minutes":30,"health_gate":{"max_failure_rate":0.1,"min_events":20}""");
        var id = created["id"]!.GetValue<string>();
        var processor = Factory.CreateProcessorClient();

        Factory.Clock.Advance(TimeSpan.FromMinutes(6));
        var now = Factory.Clock.GetUtcNow();
        await processor.ReportAsync("p1",
            DeliveryApi.Report(fleet.Pi(0), 0, 500, now.AddMinutes(-7), revision: 1),
            DeliveryApi.Report(fleet.Pi(1), 0, 500, now, revision: 1),
            DeliveryApi.Report(fleet.Pi(2), 0, 500, now, revision: 1));
        await Factory.PassAsync();
        (await Viewer().RolloutAsync(id)).Status().Should().Be("running",
            "failures from before the deploy, of the old revision, or of a pipeline not deployed yet do not count");

        await processor.ReportAsync("p2", DeliveryApi.Report(fleet.Pi(1), 15, 5, now, revision: 2));
        await Factory.PassAsync();

        var rolledBack = await Viewer().RolloutAsync(id);
        rolledBack.Status().Should().Be("rolled_back", "the gate is judged on every pass, not only when a wave has baked");
        rolledBack["reason"]!.GetValue<string>().Should().Contain(fleet.Pipeline(1)).And.Contain("5 of 20");
        rolledBack["waves"]!.AsArray().Select(w => w!["status"]!.GetValue<string>()).Should().Equal("rolled_back", "cancelled");
        rolledBack.TargetStatuses().Should().Equal("rolled_back", "rolled_back", "cancelled", "cancelled");
        var health = rolledBack["waves"]![0]!["health"]!;
        ((long)health["delivered"]!, (long)health["failed"]!).Should().Be((15, 5));
        (await RevisionsAsync(fleet)).Should().Equal(1, 1, 1, 1);
        (await FeedMeasurementIdAsync(fleet.Pipeline(0))).Should().Be(fleet.MeasurementId(0), "the processor feed is back at the old revision");
        (await FeedMeasurementIdAsync(fleet.Pipeline(1))).Should().Be(fleet.MeasurementId(1));
        await Invariants.ShouldHoldAsync();
    }

    [Fact]
    public async Task APausedRolloutWaits_AndResumes()
    {
        var fleet = await Editor().FleetAsync(2);
        var id = (await Editor().StartRolloutAsync(fleet.TemplateId, ""","waves":[{"percent":50},{"percent":100}],"bake_minutes":5"""))["id"]!.GetValue<string>();

        var paused = await (await Editor().MoveAsync(id, "pause")).ShouldBeAsync(HttpStatusCode.OK);
        paused.Status().Should().Be("paused");
        (await (await Editor().MoveAsync(id, "pause")).ShouldBeAsync(HttpStatusCode.OK)).Status().Should().Be("paused", "pausing twice changes nothing");
        Factory.Clock.Advance(TimeSpan.FromMinutes(30));
        (await Factory.PassAsync()).Should().Be(0);
        (await Editor().RevisionAsync(fleet, 1)).Should().Be(1);

        (await (await Editor().MoveAsync(id, "resume")).ShouldBeAsync(HttpStatusCode.OK)).Status().Should().Be("running");
        await Factory.PassAsync();

        (await Editor().RevisionAsync(fleet, 1)).Should().Be(2, "the first wave baked while the rollout was paused");
        await Invariants.ShouldHoldAsync();
    }

    [Fact]
    public async Task Abort_StopsWhereItIs_AndFreesThePipelines()
    {
        var fleet = await Editor().FleetAsync(2);
        var id = (await Editor().StartRolloutAsync(fleet.TemplateId, ""","waves":[{"percent":50},{"percent":100}]"""))["id"]!.GetValue<string>();

        var aborted = await (await Editor().MoveAsync(id, "abort")).ShouldBeAsync(HttpStatusCode.OK);

        aborted.Status().Should().Be("aborted");
        aborted["reason"]!.GetValue<string>().Should().Contain("Aborted by");
        aborted.TargetStatuses().Should().Equal("deployed", "cancelled");
        (await RevisionsAsync(fleet)).Should().Equal(2, 1);
        using var manual = await Editor().PutJsonAsync(
            $"{PipelineIntegrations.AssignmentApi.IntegrationsPath(fleet.Pipeline(1))}/{fleet.Pi(1)}", """{"revision_number":2}""");
        manual.StatusCode.Should().Be(HttpStatusCode.OK);
        (await (await Editor().MoveAsync(id, "resume")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "rollout_not_active"))
            .GetProperty("rollout_status").GetString().Should().Be("aborted");
        await Invariants.ShouldHoldAsync();
    }

    [Fact]
    public async Task Rollback_RevertsEveryDeployedPipeline_AndEndsTheRollout()
    {
        var fleet = await Editor().FleetAsync(3);
        var id = (await Editor().StartRolloutAsync(fleet.TemplateId, ""","waves":[{"percent":34},{"percent":100}],"bake_minutes":0"""))["id"]!.GetValue<string>();
        (await RevisionsAsync(fleet)).Should().Equal(2, 2, 1);

        var rolledBack = await (await Editor().MoveAsync(id, "rollback")).ShouldBeAsync(HttpStatusCode.OK);

        rolledBack.Status().Should().Be("rolled_back");
        rolledBack.TargetStatuses().Should().Equal("rolled_back", "rolled_back", "cancelled");
        (await RevisionsAsync(fleet)).Should().Equal(1, 1, 1);
        (await FeedMeasurementIdAsync(fleet.Pipeline(0))).Should().Be(fleet.MeasurementId(0));
        foreach (var move in new[] { "pause", "resume", "abort", "rollback" })
        {
            await (await Editor().MoveAsync(id, move)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "rollout_not_active");
        }
    }

    [Fact]
    public async Task APipelineIntegrationRemovedMidRollout_IsSkipped()
    {
        var fleet = await Editor().FleetAsync(2);
        var id = (await Editor().StartRolloutAsync(fleet.TemplateId, ""","waves":[{"percent":50},{"percent":100}],"bake_minutes":0"""))["id"]!.GetValue<string>();
        (await Editor().DeleteAsync(new Uri($"{PipelineIntegrations.AssignmentApi.IntegrationsPath(fleet.Pipeline(1))}/{fleet.Pi(1)}", UriKind.Relative)))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        await Factory.PassAsync();
        await Factory.PassAsync();

        var done = await Viewer().RolloutAsync(id);
        done.Status().Should().Be("completed");
        done.TargetStatuses().Should().Equal("deployed", "removed");
    }

    private async Task<int[]> RevisionsAsync(Fleet fleet) =>
        await Task.WhenAll(fleet.Pipelines.Select((_, i) => Viewer().RevisionAsync(fleet, i)));

    private async Task<string> FeedMeasurementIdAsync(string pipelineId)
    {
        var feed = await (await Factory.CreateProcessorClient().GetAsync(new Uri(FeedPath, UriKind.Relative))).ShouldBeAsync(HttpStatusCode.OK);
        return feed["pipelines"]!.AsArray().Single(p => p!["pipeline_id"]!.GetValue<string>() == pipelineId)!["integrations"]![0]!["config"]!
            ["measurement_id"]!.GetValue<string>();
    }
}
