using System.Net;
using System.Text.Json.Nodes;
using Signal.IntegrationTests.Infrastructure;
using static Signal.IntegrationTests.Pipelines.PipelineApi;

namespace Signal.IntegrationTests.Pipelines;

public sealed class PipelineListTests(SignalApiFactory factory) : ApiTest(factory)
{
    private HttpClient Editor() => Factory.CreateClient(Org, "editor");

    [Fact]
    public async Task Filters_Combine()
    {
        await Editor().CreatePipelineAsync("""{"name":"Marketing Site","type":"web","labels":["env:production","brand:acme"]}""");
        await Editor().CreatePipelineAsync("""{"name":"Marketing Staging","type":"web","labels":["env:staging","brand:acme"]}""");
        await Editor().CreatePipelineAsync("""{"name":"Marketing App","type":"app","labels":["env:production","brand:acme"]}""");
        await Editor().CreatePipelineAsync("""{"name":"Marketing Paused","type":"web","labels":["env:production","brand:acme"],"enabled":false}""");
        await Editor().CreatePipelineAsync("""{"name":"Other Brand","slug":"remarketing","type":"web","labels":["env:production","brand:other"]}""");
        await Editor().CreatePipelineAsync("""{"name":"Checkout","slug":"market-checkout","type":"web","labels":["env:production","brand:acme"]}""");

        var page = await List("type=web&label=env:production&label=brand:acme&enabled=true&search=mark");

        Names(page).Should().BeEquivalentTo("Marketing Site", "Checkout");
        page["total"]!.GetValue<int>().Should().Be(2);
    }

    [Theory]
    [InlineData("search=MARKETING", new[] { "Marketing Site", "Marketing App" })]
    [InlineData("search=ting-a", new[] { "Marketing App" })]
    [InlineData("type=app", new[] { "Marketing App" })]
    [InlineData("enabled=false", new[] { "Disabled" })]
    [InlineData("label=brand:acme", new[] { "Marketing Site", "Marketing App" })]
    [InlineData("label=brand:acme&label=env:staging", new string[0])]
    public async Task EachFilter_Works(string query, string[] expected)
    {
        await Editor().CreatePipelineAsync("""{"name":"Marketing Site","labels":["brand:acme"]}""");
        await Editor().CreatePipelineAsync("""{"name":"Marketing App","type":"app","labels":["brand:acme","env:production"]}""");
        await Editor().CreatePipelineAsync("""{"name":"Disabled","enabled":false}""");

        Names(await List(query)).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public async Task List_PaginatesNewestFirst_AndListsAvailableLabelsOfTheWholeOrg()
    {
        await Editor().CreatePipelineAsync("""{"name":"One","labels":["env:dev","team:a"]}""");
        await Editor().CreatePipelineAsync("""{"name":"Two","labels":["env:production"]}""");
        await Editor().CreatePipelineAsync("""{"name":"Three","labels":["plain-tag","env:production"]}""");
        await Factory.CreateClient("org_other", "editor").CreatePipelineAsync("""{"name":"Theirs","labels":["secret:label"]}""");

        var page = await List("limit=2&offset=1&label=env:production");

        Names(page).Should().Equal("Two");
        page["total"]!.GetValue<int>().Should().Be(2);
        page["limit"]!.GetValue<int>().Should().Be(2);
        page["offset"]!.GetValue<int>().Should().Be(1);
        page["available_labels"]!.AsArray().Select(l => l!.GetValue<string>())
            .Should().Equal("env:dev", "env:production", "plain-tag", "team:a");
        page["pipelines"]![0]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(
            ["id", "name", "slug", "type", "pipeline_key", "labels", "enabled", "created_at", "updated_at"]);
    }

    [Theory]
    [InlineData("type=desktop", "type")]
    [InlineData("enabled=maybe", "enabled")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("offset=-5", "offset")]
    [InlineData("label=has%20space", "label[0]")]
    [InlineData("label=", "label[0]")]
    public async Task InvalidQuery_Returns400NamingIt(string query, string field)
    {
        using var response = await Editor().GetAsync($"{PipelinesPath}?{query}");

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorsFor(field).Should().NotBeEmpty();
    }

    private async Task<JsonNode> List(string query) =>
        await (await Editor().GetAsync($"{PipelinesPath}?{query}")).ShouldBeAsync(HttpStatusCode.OK);

    private static IEnumerable<string> Names(JsonNode page) =>
        page["pipelines"]!.AsArray().Select(p => p!["name"]!.GetValue<string>());
}
