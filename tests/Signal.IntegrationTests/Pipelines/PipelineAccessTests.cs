using System.Net;
using Signal.IntegrationTests.Infrastructure;
using static Signal.IntegrationTests.Pipelines.PipelineApi;

namespace Signal.IntegrationTests.Pipelines;

/// <summary>Seed 003 roles for every pipeline endpoint, no token, another organisation's ids, deleted pipelines.</summary>
public sealed class PipelineAccessTests(SignalApiFactory factory) : AccessMatrixTest(factory)
{
    public static TheoryData<string, string, string?, string> Endpoints() => new()
    {
        { "GET", PipelinesPath, null, "viewer" },
        { "POST", PipelinesPath, """{"name":"New"}""", "editor" },
        { "GET", $"{PipelinesPath}/{{id}}", null, "viewer" },
        { "PUT", $"{PipelinesPath}/{{id}}", """{"rate_limit_rps":10}""", "editor" },
        { "DELETE", $"{PipelinesPath}/{{id}}", null, "admin" },
        { "POST", $"{PipelinesPath}/{{id}}/rotate-secret", null, "admin" },
        { "POST", $"{PipelinesPath}/{{id}}/tokens", null, "editor" },
        { "POST", $"{PipelinesPath}/{{id}}/collector/build", null, "editor" },
        { "GET", $"{PipelinesPath}/{{id}}/collector/status", null, "viewer" },
        { "GET", $"{PipelinesPath}/{{id}}/collector/download", null, "viewer" },
    };

    protected override async Task<IReadOnlyDictionary<string, string>> ArrangeAsync(string org) =>
        new Dictionary<string, string> { ["id"] = (await CreateAsync(org)).Id() };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task DeletedPipeline_Is404(string method, string path, string? body, string required)
    {
        _ = required;
        if (!path.Contains("{id}", StringComparison.Ordinal))
        {
            return;
        }

        var id = (await CreateAsync(Org)).Id();
        (await Factory.CreateClient(Org, "admin").DeleteAsync(new Uri($"{PipelinesPath}/{id}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        using var response = await Factory.CreateClient(Org, "owner").SendJsonAsync(method, path.Replace("{id}", id, StringComparison.Ordinal), body);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    private Task<System.Text.Json.Nodes.JsonNode> CreateAsync(string org) =>
        Factory.CreateClient(org, "editor").CreatePipelineAsync("""{"name":"Guarded","challenge_token_required":true}""");
}
