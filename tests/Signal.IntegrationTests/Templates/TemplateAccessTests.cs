using Signal.IntegrationTests.Infrastructure;
using static Signal.IntegrationTests.Templates.TemplateApi;

namespace Signal.IntegrationTests.Templates;

/// <summary>Seed 001 roles for every template endpoint, no token, and another organisation's ids.</summary>
public sealed class TemplateAccessTests(SignalApiFactory factory) : AccessMatrixTest(factory)
{
    private const string RevisionBody = """{"config":{"pixel_id":"1","access_token":"t"},"delivery_mode":"server_side"}""";

    public static TheoryData<string, string, string?, string> Endpoints() => new()
    {
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

    protected override async Task<IReadOnlyDictionary<string, string>> ArrangeAsync(string org) =>
        new Dictionary<string, string> { ["id"] = await Factory.CreateClient(org, "editor").InstallMetaAsync($"Meta {org}") };
}
