using System.Net;
using Signal.IntegrationTests.Infrastructure;
using static Signal.IntegrationTests.Templates.TemplateApi;

namespace Signal.IntegrationTests.Templates;

/// <summary>Seed 001 roles for every template endpoint, no token, and another organisation's ids.</summary>
public sealed class TemplateAccessTests(SignalApiFactory factory) : ApiTest(factory)
{
    private static readonly string[] RolesInOrder = ["viewer", "editor", "admin", "owner"];

    private const string RevisionBody = """{"config":{"pixel_id":"1","access_token":"t"},"delivery_mode":"server_side"}""";

    public static TheoryData<string, string, string?, string> Endpoints() => new()
    {
        // method, path ({id} = an existing template), body, lowest role allowed
        { "GET", TemplatesPath, null, "viewer" },
        { "POST", TemplatesPath, """{"name":"New","vendor":"ga4"}""", "editor" },
        { "GET", $"{TemplatesPath}/{{id}}", null, "viewer" },
        { "PUT", $"{TemplatesPath}/{{id}}", """{"description":"d"}""", "editor" },
        { "DELETE", $"{TemplatesPath}/{{id}}", null, "admin" },
        { "GET", $"{TemplatesPath}/{{id}}/revisions", null, "viewer" },
        { "POST", $"{TemplatesPath}/{{id}}/revisions", RevisionBody, "editor" },
        { "GET", $"{TemplatesPath}/{{id}}/revisions/1", null, "viewer" },
        { "POST", "/v1/admin/integration-catalog/meta_capi/install", """{"name":"Installed","config":{"pixel_id":"1","access_token":"t"}}""", "editor" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task EveryRoleBelowTheRequiredOne_Gets403(string method, string path, string? body, string required)
    {
        var id = await Factory.CreateClient(Org, "editor").InstallMetaAsync();
        foreach (var role in RolesInOrder.TakeWhile(r => r != required))
        {
            using var response = await Factory.CreateClient(Org, role).SendJsonAsync(method, path.Replace("{id}", id, StringComparison.Ordinal), body);
            await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task TheRequiredRole_IsAllowed(string method, string path, string? body, string required)
    {
        var id = await Factory.CreateClient(Org, "editor").InstallMetaAsync();

        using var response = await Factory.CreateClient(Org, required).SendJsonAsync(method, path.Replace("{id}", id, StringComparison.Ordinal), body);

        ((int)response.StatusCode).Should().BeInRange(200, 299, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task NoToken_Gets401(string method, string path, string? body, string required)
    {
        _ = required;
        using var response = await Anonymous().SendJsonAsync(method, path.Replace("{id}", "tmpl_any", StringComparison.Ordinal), body);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task AnotherOrgsTemplate_Is404(string method, string path, string? body, string required)
    {
        _ = required;
        if (!path.Contains("{id}", StringComparison.Ordinal))
        {
            return; // Collection endpoints have no id to leak; TemplateCrudTests shows lists are scoped.
        }

        var theirs = await Factory.CreateClient("org_other", "editor").InstallMetaAsync();

        using var response = await Factory.CreateClient(Org, "owner").SendJsonAsync(method, path.Replace("{id}", theirs, StringComparison.Ordinal), body);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        (await Db.ScalarAsync<long>("SELECT count(*) FROM integration_revisions")).Should().Be(1, "nothing of theirs changed");
        (await Db.ScalarAsync<long>("SELECT count(*) FROM integration_templates WHERE deleted_at IS NULL AND description IS DISTINCT FROM 'd'"))
            .Should().Be(1);
    }

}
