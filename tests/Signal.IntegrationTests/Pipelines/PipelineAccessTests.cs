using System.Net;
using Signal.IntegrationTests.Infrastructure;
using static Signal.IntegrationTests.Pipelines.PipelineApi;

namespace Signal.IntegrationTests.Pipelines;

/// <summary>Seed 003 roles for every pipeline endpoint, no token, another organisation's ids, deleted pipelines.</summary>
public sealed class PipelineAccessTests(SignalApiFactory factory) : ApiTest(factory)
{
    private static readonly string[] RolesInOrder = ["viewer", "editor", "admin", "owner"];

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

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task EveryRoleBelowTheRequiredOne_Gets403(string method, string path, string? body, string required)
    {
        var id = (await CreateAsync(Org)).Id();
        foreach (var role in RolesInOrder.TakeWhile(r => r != required))
        {
            using var response = await Factory.CreateClient(Org, role).SendJsonAsync(method, path.Replace("{id}", id, StringComparison.Ordinal), body);
            await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task TheRequiredRole_GetsPastAuthorisation(string method, string path, string? body, string required)
    {
        var id = (await CreateAsync(Org)).Id();

        using var response = await Factory.CreateClient(Org, required).SendJsonAsync(method, path.Replace("{id}", id, StringComparison.Ordinal), body);

        // download is 404 before a build exists; everything else succeeds.
        response.StatusCode.Should().NotBe(HttpStatusCode.Forbidden).And.NotBe(HttpStatusCode.Unauthorized);
        ((int)response.StatusCode).Should().BeLessThan(500);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task NoToken_Gets401(string method, string path, string? body, string required)
    {
        _ = required;
        using var response = await Anonymous().SendJsonAsync(method, path.Replace("{id}", "pip_any", StringComparison.Ordinal), body);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task AnotherOrgsPipeline_Is404_AndUntouched(string method, string path, string? body, string required)
    {
        _ = required;
        if (!path.Contains("{id}", StringComparison.Ordinal))
        {
            return; // Collection endpoints have no id to leak; the list tests show lists are scoped.
        }

        var theirs = await CreateAsync("org_other");
        var before = await Db.QueryAsync<string>("SELECT p::text FROM pipelines p");

        using var response = await Factory.CreateClient(Org, "owner").SendJsonAsync(method, path.Replace("{id}", theirs.Id(), StringComparison.Ordinal), body);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        (await Db.QueryAsync<string>("SELECT p::text FROM pipelines p")).Should().Equal(before);
        (await Db.ScalarAsync<long>("SELECT count(*) FROM collector_builds")).Should().Be(0);
    }

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
