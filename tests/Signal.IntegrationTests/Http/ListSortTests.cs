using System.Net;
using System.Text.Json.Nodes;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.Pipelines;
using Signal.IntegrationTests.Templates;

namespace Signal.IntegrationTests.Http;

/// <summary>
/// <c>sort=field:direction</c> on the pipeline and template lists: created_at, updated_at and name either way,
/// names case-insensitively; anything else is a 400 that lists what is accepted.
/// </summary>
public sealed class ListSortTests(SignalApiFactory factory) : ApiTest(factory)
{
    public static TheoryData<string, string, string> Sorts() => new()
    {
        { "pipelines", "created_at:desc", "Charlie,alpha,Beta" },
        { "pipelines", "created_at:asc", "Beta,alpha,Charlie" },
        { "pipelines", "name:asc", "alpha,Beta,Charlie" },
        { "pipelines", "name:desc", "Charlie,Beta,alpha" },
        { "pipelines", "updated_at:desc", "Beta,Charlie,alpha" },
        { "pipelines", "updated_at:asc", "alpha,Charlie,Beta" },
        { "integrations", "created_at:desc", "Charlie,alpha,Beta" },
        { "integrations", "created_at:asc", "Beta,alpha,Charlie" },
        { "integrations", "name:asc", "alpha,Beta,Charlie" },
        { "integrations", "name:desc", "Charlie,Beta,alpha" },
        { "integrations", "updated_at:desc", "Beta,Charlie,alpha" },
        { "integrations", "updated_at:asc", "alpha,Charlie,Beta" },
    };

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task List_IsInTheAskedOrder(string list, string sort, string expected)
    {
        var path = await CreateBetaAlphaCharlieThenUpdateBetaAsync(list);

        var page = await (await Editor().GetAsync($"{path}?sort={sort}")).ShouldBeAsync(HttpStatusCode.OK);

        string.Join(',', page[list]!.AsArray().Select(i => i!["name"]!.GetValue<string>())).Should().Be(expected);
    }

    [Theory]
    [InlineData("pipelines")]
    [InlineData("integrations")]
    public async Task Pages_OfASortedList_NeitherOverlapNorSkip(string list)
    {
        var path = await CreateBetaAlphaCharlieThenUpdateBetaAsync(list);

        var first = await (await Editor().GetAsync($"{path}?sort=name:asc&limit=2")).ShouldBeAsync(HttpStatusCode.OK);
        var second = await (await Editor().GetAsync($"{path}?sort=name:asc&limit=2&offset=2")).ShouldBeAsync(HttpStatusCode.OK);

        first[list]!.AsArray().Concat(second[list]!.AsArray()).Select(i => i!["name"]!.GetValue<string>())
            .Should().Equal("alpha", "Beta", "Charlie");
    }

    [Theory]
    [InlineData(PipelineApi.PipelinesPath, "name")]
    [InlineData(PipelineApi.PipelinesPath, "slug:asc")]
    [InlineData(PipelineApi.PipelinesPath, "name:up")]
    [InlineData(PipelineApi.PipelinesPath, "NAME:ASC")]
    [InlineData(TemplateApi.TemplatesPath, "vendor:asc")]
    [InlineData(TemplateApi.TemplatesPath, "created_at:desc;drop table pipelines")]
    public async Task UnknownSort_Returns400ListingTheAcceptedOnes(string path, string sort)
    {
        using var response = await Editor().GetAsync($"{path}?sort={Uri.EscapeDataString(sort)}");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorsFor("sort").Should().ContainSingle()
            .Which.Should().Be("must be one of created_at:desc, created_at:asc, updated_at:desc, updated_at:asc, name:desc, name:asc");
    }

    private HttpClient Editor() => Factory.CreateClient(Org, "editor");

    private async Task<string> CreateBetaAlphaCharlieThenUpdateBetaAsync(string list)
    {
        var pipelines = list == "pipelines";
        var path = pipelines ? PipelineApi.PipelinesPath : TemplateApi.TemplatesPath;
        JsonNode? beta = null;
        foreach (var name in new[] { "Beta", "alpha", "Charlie" })
        {
            var created = pipelines
                ? await Editor().CreatePipelineAsync($$"""{"name":"{{name}}"}""")
                : await Editor().CreateTemplateAsync(name);
            beta ??= created;
        }

        var update = pipelines ? """{"enabled":false}""" : """{"description":"updated last"}""";
        (await Editor().PutJsonAsync($"{path}/{beta!["id"]}", update)).StatusCode.Should().Be(HttpStatusCode.OK);
        return path;
    }
}
