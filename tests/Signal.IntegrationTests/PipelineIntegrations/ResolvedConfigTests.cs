using System.Net;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.Pipelines;
using Signal.IntegrationTests.Templates;
using static Signal.IntegrationTests.PipelineIntegrations.AssignmentApi;

namespace Signal.IntegrationTests.PipelineIntegrations;

public sealed class ResolvedConfigTests(SignalApiFactory factory) : ApiTest(factory)
{
    private HttpClient Editor() => Factory.CreateClient(Org, "editor");

    [Fact]
    public async Task SeedGa4Example_OneRevisionTwoPipelines_EachResolvesItsOwnParameters()
    {
        var template = await Editor().InstallGa4WithReferencesAsync();
        var marketing = await Editor().CreatePipelineWithGa4ParametersAsync("Marketing", "G-MARKETING", "marketing-api-secret-1111");
        var shop = await Editor().CreatePipelineWithGa4ParametersAsync("Shop", "G-SHOP", "shop-api-secret-2222");
        await Editor().AssignAsync(marketing, template);
        await Editor().AssignAsync(shop, template);

        var forMarketing = (await Editor().ResolvedConfigAsync(marketing))["integrations"]![0]!;
        var forShop = (await Editor().ResolvedConfigAsync(shop))["integrations"]![0]!;

        forMarketing["config"]!["measurement_id"]!.GetValue<string>().Should().Be("G-MARKETING");
        forShop["config"]!["measurement_id"]!.GetValue<string>().Should().Be("G-SHOP");
        forMarketing["config"]!["api_secret"]!.GetValue<string>().Should().Be("••••1111", "a secret field stays masked after resolution");
        forShop["config"]!["api_secret"]!.GetValue<string>().Should().Be("••••2222");
        forMarketing["config"]!["debug_mode"]!.GetValue<bool>().Should().BeFalse("static values are used as they are");
        forMarketing["revision_id"]!.GetValue<string>().Should().Be(forShop["revision_id"]!.GetValue<string>(), "both run the same revision");
        forMarketing["unresolved_parameters"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task SeedArchitecture_PipelineAAtV3AndBAtV2_AndANewV4ChangesNeitherUntilDeployed()
    {
        var template = await Editor().InstallGa4WithReferencesAsync();
        await Editor().AddGa4RevisionAsync(template, "G-V2");
        await Editor().AddGa4RevisionAsync(template, "G-V3");
        var a = await Editor().CreatePipelineWithGa4ParametersAsync("Pipeline A", "G-A", "s");
        var b = await Editor().CreatePipelineWithGa4ParametersAsync("Pipeline B", "G-B", "s");
        var onA = await Editor().AssignAsync(a, template, ""","revision_number":3""");
        await Editor().AssignAsync(b, template, ""","revision_number":2""");

        await Editor().AddGa4RevisionAsync(template, "G-V4");

        await ShouldRun(a, 3, "G-V3");
        await ShouldRun(b, 2, "G-V2");
        var listed = await (await Editor().GetAsync($"{IntegrationsPath(a)}/{onA["id"]}")).ShouldBeAsync(HttpStatusCode.OK);
        listed["latest_revision"]!.GetValue<int>().Should().Be(4);
        listed["update_available"]!.GetValue<bool>().Should().BeTrue();

        (await Editor().PutJsonAsync($"{IntegrationsPath(a)}/{onA["id"]}", """{"revision_number":4}""")).StatusCode.Should().Be(HttpStatusCode.OK);

        await ShouldRun(a, 4, "G-V4");
        await ShouldRun(b, 2, "G-V2");
    }

    [Fact]
    public async Task UndefinedParameter_StaysIntact_IsListed_AndLogsAWarning()
    {
        var template = await Editor().InstallGa4WithReferencesAsync();
        var pipeline = (await Editor().CreatePipelineAsync("""{"name":"Partial","parameters":{"ga4_measurement_id":"G-ONLY"}}""")).Id();
        await Editor().AssignAsync(pipeline, template);

        var integration = (await Editor().ResolvedConfigAsync(pipeline))["integrations"]![0]!;

        integration["config"]!["measurement_id"]!.GetValue<string>().Should().Be("G-ONLY");
        integration["config"]!["api_secret"]!.GetValue<string>().Should().Be("{{pipeline_param.ga4_api_secret}}");
        integration["unresolved_parameters"]!.AsArray().Select(k => k!.GetValue<string>()).Should().Equal("ga4_api_secret");
        Factory.Logs.Lines.Should().Contain(l => l.StartsWith("Warning", StringComparison.Ordinal)
            && l.Contains(pipeline, StringComparison.Ordinal) && l.Contains("ga4_api_secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StoredSecretsOfTheRevision_AreMaskedInTheResolvedConfig()
    {
        var template = await Editor().InstallMetaAsync();
        var pipeline = (await Editor().CreatePipelineAsync("""{"name":"Meta"}""")).Id();
        await Editor().AssignAsync(pipeline, template);

        var resolved = await Editor().ResolvedConfigAsync(pipeline);

        resolved["pipeline_id"]!.GetValue<string>().Should().Be(pipeline);
        var integration = resolved["integrations"]![0]!;
        integration["config"]!["access_token"]!.GetValue<string>().Should().Be("••••5678");
        integration.AsObject().Select(p => p.Key).Should().Equal(
            "id", "integration_id", "vendor", "revision_id", "revision_number", "delivery_mode", "config", "unresolved_parameters");
    }

    private async Task ShouldRun(string pipeline, int revision, string measurementId)
    {
        var integration = (await Editor().ResolvedConfigAsync(pipeline))["integrations"]![0]!;
        integration["revision_number"]!.GetValue<int>().Should().Be(revision);
        integration["config"]!["measurement_id"]!.GetValue<string>().Should().Be(measurementId);
    }
}
