using System.Net;
using System.Text.Json.Nodes;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.Templates;
using static Signal.IntegrationTests.PipelineIntegrations.AssignmentApi;

namespace Signal.IntegrationTests.PipelineIntegrations;

public sealed class AssignmentTests(SignalApiFactory factory) : ApiTest(factory)
{
    private HttpClient Editor() => Factory.CreateClient(Org, "editor");

    [Fact]
    public async Task Assign_WithoutRevision_PinsTheLatest_AndReturnsTheFullShape()
    {
        var template = await Editor().InstallGa4WithReferencesAsync();
        await Editor().AddGa4RevisionAsync(template, "G-V2");
        var pipeline = await Editor().CreatePipelineWithGa4ParametersAsync("Site", "G-A", "secret-a");

        var assigned = await Editor().AssignAsync(pipeline, template);

        assigned["id"]!.GetValue<string>().Should().StartWith("pi_");
        assigned["pipeline_id"]!.GetValue<string>().Should().Be(pipeline);
        assigned["integration_id"]!.GetValue<string>().Should().Be(template);
        assigned["integration_name"]!.GetValue<string>().Should().Be("GA4 shared");
        assigned["vendor"]!.GetValue<string>().Should().Be("ga4");
        assigned["revision_number"]!.GetValue<int>().Should().Be(2);
        assigned["latest_revision"]!.GetValue<int>().Should().Be(2);
        assigned["update_available"]!.GetValue<bool>().Should().BeFalse();
        assigned["delivery_mode"]!.GetValue<string>().Should().Be("server_side");
        assigned["enabled"]!.GetValue<bool>().Should().BeTrue();
        assigned["status"]!.GetValue<string>().Should().Be("unknown", "nothing was reported for it yet");
        assigned["delivery"]!.ToJsonString().Should().Be(
            """{"window_minutes":60,"delivered":0,"failed":0,"failure_rate":null,"last_error":null,"last_delivered_at":null,"last_reported_at":null}""");
        assigned.AsObject().Select(p => p.Key).Should().BeEquivalentTo(
            ["id", "pipeline_id", "integration_id", "integration_name", "vendor", "revision_id", "revision_number", "latest_revision",
             "update_available", "delivery_mode", "enabled", "created_at", "updated_at", "status", "delivery"]);
    }

    [Fact]
    public async Task Assign_ByNumberOrId_PinsThatRevision_AndShowsAnUpdateIsAvailable()
    {
        var template = await Editor().InstallGa4WithReferencesAsync();
        await Editor().AddGa4RevisionAsync(template, "G-V2");
        var v1 = await (await Editor().GetAsync($"{TemplateApi.TemplatesPath}/{template}/revisions/1")).ShouldBeAsync(HttpStatusCode.OK);

        var byNumber = await Editor().AssignAsync(await Editor().CreatePipelineWithGa4ParametersAsync("A", "G-A", "s"), template, ""","revision_number":1""");
        var byId = await Editor().AssignAsync(await Editor().CreatePipelineWithGa4ParametersAsync("B", "G-B", "s"), template, $$""","revision_id":"{{v1["id"]}}","enabled":false""");

        foreach (var assigned in new[] { byNumber, byId })
        {
            assigned["revision_number"]!.GetValue<int>().Should().Be(1);
            assigned["update_available"]!.GetValue<bool>().Should().BeTrue();
        }

        byId["enabled"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task Assign_ARevisionOfAnotherTemplate_Returns400()
    {
        var template = await Editor().InstallGa4WithReferencesAsync("First");
        var other = await Editor().InstallGa4WithReferencesAsync("Second");
        var otherRevision = await (await Editor().GetAsync($"{TemplateApi.TemplatesPath}/{other}/revisions/1")).ShouldBeAsync(HttpStatusCode.OK);
        var pipeline = await Editor().CreatePipelineWithGa4ParametersAsync("Site", "G-A", "s");

        using var response = await Editor().PostJsonAsync(IntegrationsPath(pipeline), $$"""{"integration_id":"{{template}}","revision_id":"{{otherRevision["id"]}}"}""");

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorsFor("revision_id").Should().NotBeEmpty();
    }

    [Theory]
    [InlineData(""","revision_number":9""", "revision_number")]
    [InlineData(""","revision_number":0""", "revision_number")]
    [InlineData(""","revision_number":1,"revision_id":"rev_x" """, "revision_id")]
    [InlineData(""","pipeline_id":"pip_other" """, "pipeline_id")]
    public async Task Assign_InvalidRevisionChoice_Returns400(string extra, string field)
    {
        var template = await Editor().InstallGa4WithReferencesAsync();
        var pipeline = await Editor().CreatePipelineWithGa4ParametersAsync("Site", "G-A", "s");

        using var response = await Editor().PostJsonAsync(IntegrationsPath(pipeline), $$"""{"integration_id":"{{template}}"{{extra}}}""");

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorsFor(field).Should().NotBeEmpty();
    }

    [Fact]
    public async Task Assign_UnknownTemplate_Is404_TemplateWithoutRevisions_Is409_Twice_Is409()
    {
        var pipeline = await Editor().CreatePipelineWithGa4ParametersAsync("Site", "G-A", "s");
        var empty = (await Editor().CreateTemplateAsync("Empty"))["id"]!.GetValue<string>();
        var template = await Editor().InstallGa4WithReferencesAsync();
        await Editor().AssignAsync(pipeline, template);

        await (await Editor().PostJsonAsync(IntegrationsPath(pipeline), """{"integration_id":"tmpl_missing"}"""))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await Editor().PostJsonAsync(IntegrationsPath(pipeline), $$"""{"integration_id":"{{empty}}"}"""))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "template_has_no_revisions");
        await (await Editor().PostJsonAsync(IntegrationsPath(pipeline), $$"""{"integration_id":"{{template}}"}"""))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "already_assigned");
    }

    [Fact]
    public async Task Update_DeploysRollsBackAndPauses()
    {
        var template = await Editor().InstallGa4WithReferencesAsync();
        var pipeline = await Editor().CreatePipelineWithGa4ParametersAsync("Site", "G-A", "s");
        var assigned = await Editor().AssignAsync(pipeline, template);
        var path = $"{IntegrationsPath(pipeline)}/{assigned["id"]}";
        await Editor().AddGa4RevisionAsync(template, "G-V2");

        var deployed = await (await Editor().PutJsonAsync(path, """{"revision_number":2}""")).ShouldBeAsync(HttpStatusCode.OK);
        var rolledBack = await (await Editor().PutJsonAsync(path, $$"""{"revision_id":"{{assigned["revision_id"]}}"}""")).ShouldBeAsync(HttpStatusCode.OK);
        var paused = await (await Editor().PutJsonAsync(path, """{"enabled":false}""")).ShouldBeAsync(HttpStatusCode.OK);

        deployed["revision_number"]!.GetValue<int>().Should().Be(2);
        deployed["update_available"]!.GetValue<bool>().Should().BeFalse();
        rolledBack["revision_number"]!.GetValue<int>().Should().Be(1);
        rolledBack["update_available"]!.GetValue<bool>().Should().BeTrue();
        paused["enabled"]!.GetValue<bool>().Should().BeFalse();
        paused["revision_number"]!.GetValue<int>().Should().Be(1, "pausing keeps the pinned revision");
        (await Editor().ResolvedConfigAsync(pipeline))["integrations"]!.AsArray().Should().BeEmpty("a paused integration does not run");
    }

    [Theory]
    [InlineData("""{}""", "body")]
    [InlineData("""{"integration_id":"tmpl_other"}""", "integration_id")]
    [InlineData("""{"revision_number":5}""", "revision_number")]
    public async Task Update_InvalidBody_Returns400(string body, string field)
    {
        var template = await Editor().InstallGa4WithReferencesAsync();
        var pipeline = await Editor().CreatePipelineWithGa4ParametersAsync("Site", "G-A", "s");
        var assigned = await Editor().AssignAsync(pipeline, template);

        using var response = await Editor().PutJsonAsync($"{IntegrationsPath(pipeline)}/{assigned["id"]}", body);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorsFor(field).Should().NotBeEmpty();
    }

    [Fact]
    public async Task ListGetAndRemove()
    {
        var pipeline = await Editor().CreatePipelineWithGa4ParametersAsync("Site", "G-A", "s");
        var first = await Editor().AssignAsync(pipeline, await Editor().InstallGa4WithReferencesAsync("One"));
        var second = await Editor().AssignAsync(pipeline, await Editor().InstallGa4WithReferencesAsync("Two"));

        var list = await (await Editor().GetAsync(IntegrationsPath(pipeline))).ShouldBeAsync(HttpStatusCode.OK);
        list["integrations"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).Should().Equal(first["id"]!.GetValue<string>(), second["id"]!.GetValue<string>());
        list["total"]!.GetValue<int>().Should().Be(2);
        var one = await (await Editor().GetAsync($"{IntegrationsPath(pipeline)}/{first["id"]}")).ShouldBeAsync(HttpStatusCode.OK);
        JsonNode.DeepEquals(one, first).Should().BeTrue();

        var removed = await (await Editor().DeleteAsync(new Uri($"{IntegrationsPath(pipeline)}/{first["id"]}", UriKind.Relative))).ShouldBeAsync(HttpStatusCode.OK);

        removed.ToJsonString().Should().Be("""{"status":"deleted"}""");
        await (await Editor().GetAsync($"{IntegrationsPath(pipeline)}/{first["id"]}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        (await (await Editor().GetAsync(IntegrationsPath(pipeline))).ShouldBeAsync(HttpStatusCode.OK))["total"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task AnAssignmentIsOnlyReachableThroughItsOwnPipeline()
    {
        var template = await Editor().InstallGa4WithReferencesAsync();
        var pipeline = await Editor().CreatePipelineWithGa4ParametersAsync("Site", "G-A", "s");
        var other = await Editor().CreatePipelineWithGa4ParametersAsync("Other", "G-B", "s");
        var assigned = await Editor().AssignAsync(pipeline, template);

        await (await Editor().GetAsync($"{IntegrationsPath(other)}/{assigned["id"]}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task TemplateDelete_IsRefusedWhileAssigned_ListingThePipelines_AndAllowedAfter()
    {
        var template = await Editor().InstallGa4WithReferencesAsync();
        var pipeline = await Editor().CreatePipelineWithGa4ParametersAsync("Marketing Website", "G-A", "s");
        var assigned = await Editor().AssignAsync(pipeline, template);
        var admin = Factory.CreateClient(Org, "admin");

        using var refused = await admin.DeleteAsync(new Uri($"{TemplateApi.TemplatesPath}/{template}", UriKind.Relative));
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "template_in_use");
        problem.GetProperty("pipelines")[0].GetProperty("id").GetString().Should().Be(pipeline);
        problem.GetProperty("pipelines")[0].GetProperty("name").GetString().Should().Be("Marketing Website");

        (await Editor().DeleteAsync(new Uri($"{IntegrationsPath(pipeline)}/{assigned["id"]}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.DeleteAsync(new Uri($"{TemplateApi.TemplatesPath}/{template}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TemplateDelete_IsNotBlockedByADeletedPipeline()
    {
        var template = await Editor().InstallGa4WithReferencesAsync();
        var pipeline = await Editor().CreatePipelineWithGa4ParametersAsync("Gone", "G-A", "s");
        await Editor().AssignAsync(pipeline, template);
        var admin = Factory.CreateClient(Org, "admin");
        (await admin.DeleteAsync(new Uri($"{Pipelines.PipelineApi.PipelinesPath}/{pipeline}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        (await admin.DeleteAsync(new Uri($"{TemplateApi.TemplatesPath}/{template}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TemplatePipelines_ListsWhereATemplateIsUsedAndAtWhichRevision()
    {
        var template = await Editor().InstallGa4WithReferencesAsync();
        await Editor().AddGa4RevisionAsync(template, "G-V2");
        var a = await Editor().CreatePipelineWithGa4ParametersAsync("A", "G-A", "s");
        var b = await Editor().CreatePipelineWithGa4ParametersAsync("B", "G-B", "s");
        var onA = await Editor().AssignAsync(a, template, ""","revision_number":2""");
        await Editor().AssignAsync(b, template, ""","revision_number":1,"enabled":false""");

        var usage = await (await Editor().GetAsync($"{TemplateApi.TemplatesPath}/{template}/pipelines")).ShouldBeAsync(HttpStatusCode.OK);

        usage["total"]!.GetValue<int>().Should().Be(2);
        var first = usage["pipelines"]![0]!;
        first.AsObject().Select(p => p.Key).Should().Equal(
            "pipeline_id", "pipeline_name", "pipeline_integration_id", "revision_id", "revision_number", "enabled", "status", "delivery");
        first["pipeline_id"]!.GetValue<string>().Should().Be(a);
        first["pipeline_integration_id"]!.GetValue<string>().Should().Be(onA["id"]!.GetValue<string>());
        first["revision_number"]!.GetValue<int>().Should().Be(2);
        usage["pipelines"]![1]!["revision_number"]!.GetValue<int>().Should().Be(1);
        usage["pipelines"]![1]!["enabled"]!.GetValue<bool>().Should().BeFalse();
    }
}
