using System.Net;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.PipelineIntegrations;
using Signal.IntegrationTests.Pipelines;
using static Signal.IntegrationTests.Rollouts.RolloutApi;

namespace Signal.IntegrationTests.Rollouts;

/// <summary>What a rollout request may ask: the plan of a dry run, every validation rule, each conflict, and who may see which rollout.</summary>
public sealed class RolloutRequestTests(SignalApiFactory factory) : ApiTest(factory)
{
    private HttpClient Editor() => Factory.CreateClient(Org, "editor");

    [Fact]
    public async Task ADryRun_ShowsThePlan_WithUnresolvedParameters_AndChangesNothing()
    {
        var fleet = await Editor().FleetAsync(3);
        var bare = (await Editor().CreatePipelineAsync("""{"name":"No parameters","labels":["env:prod"]}""")).Id();
        await Editor().AssignAsync(bare, fleet.TemplateId, ""","revision_number":1""");
        var staging = (await Editor().CreatePipelineAsync("""{"name":"Staging","labels":["env:staging"]}""")).Id();
        await Editor().AssignAsync(staging, fleet.TemplateId, ""","revision_number":1""");

        var plan = await (await Editor().PostRolloutAsync(Body(fleet.TemplateId, ""","waves":[{"percent":50},{"percent":100}],"dry_run":true""")))
            .ShouldBeAsync(HttpStatusCode.OK);

        var pipelines = plan["waves"]!.AsArray().SelectMany(w => w!["pipelines"]!.AsArray()).ToList();
        pipelines.Select(p => p!["pipeline_id"]!.GetValue<string>()).Should()
            .Equal(fleet.Pipelines.Select(p => p.PipelineId).Append(bare).Order(StringComparer.Ordinal), "every env:prod pipeline, by id; not staging");
        plan["waves"]!.AsArray().Select(w => w!["pipelines"]!.AsArray().Count).Should().Equal(2, 2);
        pipelines.Should().OnlyContain(p => (int)p!["from_revision"]! == 1 && (int)p["to_revision"]! == 2);
        pipelines.Single(p => p!["pipeline_id"]!.GetValue<string>() == bare)!["unresolved_parameters"]!.AsArray()
            .Select(k => k!.GetValue<string>()).Should().Equal("ga4_api_secret");
        pipelines.Where(p => p!["pipeline_id"]!.GetValue<string>() != bare).Should().OnlyContain(p => p!["unresolved_parameters"]!.AsArray().Count == 0);
        (await Db.ScalarAsync<long>("SELECT count(*) FROM rollouts")).Should().Be(0);
        (await Viewer().RevisionAsync(fleet, 0)).Should().Be(1);
    }

    [Fact]
    public async Task UnresolvedParameters_AreAConflict_UnlessAllowed()
    {
        var fleet = await Editor().FleetAsync(1);
        var bare = (await Editor().CreatePipelineAsync("""{"name":"No parameters","labels":["env:prod"]}""")).Id();
        await Editor().AssignAsync(bare, fleet.TemplateId, ""","revision_number":1""");

        var problem = await (await Editor().PostRolloutAsync(Body(fleet.TemplateId))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "unresolved_parameters");

        var listed = problem.GetProperty("pipelines").EnumerateArray().Single();
        listed.GetProperty("pipeline_id").GetString().Should().Be(bare);
        listed.GetProperty("unresolved_parameters").EnumerateArray().Select(k => k.GetString()).Should().Equal("ga4_api_secret");
        (await Db.ScalarAsync<long>("SELECT count(*) FROM rollouts")).Should().Be(0);

        (await Editor().StartRolloutAsync(fleet.TemplateId, ""","allow_unresolved":true""")).Status().Should().Be("running");
    }

    [Fact]
    public async Task APipelineInAnActiveRollout_CannotJoinAnother_NorBeRepinnedByHand()
    {
        var fleet = await Editor().FleetAsync(2);
        var first = (await Editor().StartRolloutAsync(fleet.TemplateId, ""","waves":[{"percent":50},{"percent":100}]"""))["id"]!.GetValue<string>();

        var clash = await (await Editor().PostRolloutAsync(Body(fleet.TemplateId))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "rollout_conflict");
        clash.GetProperty("rollout_ids").EnumerateArray().Select(i => i.GetString()).Should().Equal(first);
        clash.GetProperty("pipeline_ids").EnumerateArray().Select(i => i.GetString()).Should().Equal([fleet.Pipeline(1)], "wave 1's pipeline is already at revision 2");

        foreach (var index in new[] { 0, 1 })
        {
            var path = $"{AssignmentApi.IntegrationsPath(fleet.Pipeline(index))}/{fleet.Pi(index)}";
            var other = index == 0 ? 1 : 2; // wave 1 is at revision 2 already, wave 2 still at 1
            var manual = await (await Editor().PutJsonAsync(path, $$"""{"revision_number":{{other}}}""")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "assignment_in_rollout");
            manual.GetProperty("rollout_id").GetString().Should().Be(first);
            manual.GetProperty("detail").GetString().Should().Contain(first);
            (await Editor().PutJsonAsync(path, $$"""{"revision_number":{{3 - other}},"enabled":false}""")).StatusCode.Should()
                .Be(HttpStatusCode.OK, "pausing delivery with the revision it has is not a revision change");
        }
    }

    [Fact]
    public async Task ARetryWithTheSameIdempotencyKey_GetsTheFirstRollout_NotASecond()
    {
        var fleet = await Editor().FleetAsync(1);

        var responses = new List<System.Text.Json.Nodes.JsonNode>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, RolloutsPath) { Content = new StringContent(Body(fleet.TemplateId), System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", "rollout-ga4-v2");
            responses.Add(await (await Editor().SendAsync(request)).ShouldBeAsync(HttpStatusCode.Created));
        }

        responses[1]["id"]!.GetValue<string>().Should().Be(responses[0]["id"]!.GetValue<string>());
        (await Db.ScalarAsync<long>("SELECT count(*) FROM rollouts")).Should().Be(1);
    }

    [Fact]
    public async Task NoPipelineToChange_IsABadRequestOnTheSelector()
    {
        var fleet = await Editor().FleetAsync(1);

        var problem = await (await Editor().PostRolloutAsync(
            $$$"""{"integration_id":"{{{fleet.TemplateId}}}","revision_number":1,"selector":{"labels":["env:prod"]}}""")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorsFor("selector").Single().Should().Contain("at a revision other than 1");

        await (await Editor().PostRolloutAsync(Body(fleet.TemplateId).Replace("env:prod", "env:nowhere", StringComparison.Ordinal)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await Editor().PostRolloutAsync(
            $$$"""{"integration_id":"{{{fleet.TemplateId}}}","revision_number":2,"selector":{"pipeline_ids":["pip_unknown"]}}"""))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Theory]
    [InlineData("'selector':{}", "integration_id")]
    [InlineData("'integration_id':'tmpl_x','revision_id':'rev_x','revision_number':2,'selector':{}", "revision_id")]
    [InlineData("'integration_id':'tmpl_x','revision_number':0,'selector':{}", "revision_number")]
    [InlineData("'integration_id':'tmpl_x'", "selector")]
    [InlineData("'integration_id':'tmpl_x','selector':{'labels':['has space']}", "selector.labels[0]")]
    [InlineData("'integration_id':'tmpl_x','selector':{},'waves':[{'percent':50}]", "waves")]
    [InlineData("'integration_id':'tmpl_x','selector':{},'waves':[{'percent':60},{'percent':40},{'percent':100}]", "waves")]
    [InlineData("'integration_id':'tmpl_x','selector':{},'waves':[{}]", "waves[0]")]
    [InlineData("'integration_id':'tmpl_x','selector':{},'bake_minutes':-1", "bake_minutes")]
    [InlineData("'integration_id':'tmpl_x','selector':{},'bake_minutes':1441", "bake_minutes")]
    [InlineData("'integration_id':'tmpl_x','selector':{},'health_gate':{'max_failure_rate':1.5,'min_events':10}", "health_gate.max_failure_rate")]
    [InlineData("'integration_id':'tmpl_x','selector':{},'health_gate':{'max_failure_rate':0.1,'min_events':0}", "health_gate.min_events")]
    [InlineData("'integration_id':'tmpl_x','selector':{},'health_gate':{'max_failure_rate':0.1}", "health_gate.min_events")]
    public async Task EachRule_IsABadRequest_NamingTheField(string members, string field)
    {
        var body = "{" + members.Replace('\'', '"') + "}";

        var problem = await (await Editor().PostRolloutAsync(body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        problem.ErrorsFor(field).Should().NotBeEmpty();
    }

    [Fact]
    public async Task UnknownFields_AreRefused()
    {
        var problem = await (await Editor().PostRolloutAsync("""{"integration_id":"tmpl_x","selector":{},"status":"completed"}"""))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Contain("status");
    }

    [Fact]
    public async Task AnotherOrganisationsTemplateOrRollout_IsNotFound()
    {
        var fleet = await Editor().FleetAsync(1);
        var id = (await Editor().StartRolloutAsync(fleet.TemplateId))["id"]!.GetValue<string>();
        var stranger = Factory.CreateClient("org_other", "owner");

        await (await stranger.PostRolloutAsync(Body(fleet.TemplateId))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await stranger.GetAsync(new Uri($"{RolloutsPath}/{id}", UriKind.Relative))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await stranger.MoveAsync(id, "rollback")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        var theirs = await (await stranger.GetAsync(new Uri(RolloutsPath, UriKind.Relative))).ShouldBeAsync(HttpStatusCode.OK);
        theirs["rollouts"]!.AsArray().Should().BeEmpty();
        (await Viewer().RolloutAsync(id)).Status().Should().Be("running", "the stranger's rollback changed nothing");
    }

    [Fact]
    public async Task TheList_IsNewestFirst_WithFiltersAndPaging_AndARolloutHasAnETag()
    {
        var ga4 = await Editor().FleetAsync(1);
        var other = await Editor().FleetAsync(1, label: "env:prod");
        var first = (await Editor().StartRolloutAsync(ga4.TemplateId))["id"]!.GetValue<string>();
        var second = (await Editor().StartRolloutAsync(other.TemplateId))["id"]!.GetValue<string>();
        await Editor().MoveAsync(first, "abort");

        var all = await List("");
        all["rollouts"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).Should().Equal(second, first);
        ((int)all["total"]!, (int)all["limit"]!, (int)all["offset"]!).Should().Be((2, 50, 0));
        (await List("?status=aborted"))["rollouts"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).Should().Equal(first);
        (await List($"?integration_id={other.TemplateId}"))["rollouts"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).Should().Equal(second);
        var page = await List("?limit=1&offset=1");
        (page["rollouts"]!.AsArray().Single()!["id"]!.GetValue<string>(), (int)page["total"]!).Should().Be((first, 2));
        await (await Viewer().GetAsync(new Uri($"{RolloutsPath}?status=done", UriKind.Relative))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await Viewer().GetAsync(new Uri($"{RolloutsPath}?limit=0", UriKind.Relative))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        using var got = await Viewer().GetAsync(new Uri($"{RolloutsPath}/{first}", UriKind.Relative));
        var request = new HttpRequestMessage(HttpMethod.Get, $"{RolloutsPath}/{first}");
        request.Headers.TryAddWithoutValidation("If-None-Match", got.Headers.ETag!.ToString());
        (await Viewer().SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> List(string query) =>
        await (await Viewer().GetAsync(new Uri(RolloutsPath + query, UriKind.Relative))).ShouldBeAsync(HttpStatusCode.OK);
}
