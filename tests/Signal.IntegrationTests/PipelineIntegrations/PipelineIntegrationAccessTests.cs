using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.PipelineIntegrations;

/// <summary>SPEC §8 roles (reads viewer, writes editor) for every assignment endpoint, and tenant isolation.</summary>
public sealed class PipelineIntegrationAccessTests(SignalApiFactory factory) : AccessMatrixTest(factory)
{
    public static TheoryData<string, string, string?, string> Endpoints() => new()
    {
        { "GET", "/v1/admin/pipelines/{pipeline}/integrations", null, "viewer" },
        { "POST", "/v1/admin/pipelines/{pipeline}/integrations", """{"integration_id":"{spare_template}"}""", "editor" },
        { "GET", "/v1/admin/pipelines/{pipeline}/integrations/{assignment}", null, "viewer" },
        { "PUT", "/v1/admin/pipelines/{pipeline}/integrations/{assignment}", """{"enabled":false}""", "editor" },
        { "DELETE", "/v1/admin/pipelines/{pipeline}/integrations/{assignment}", null, "editor" },
        { "GET", "/v1/admin/integration-templates/{template}/pipelines", null, "viewer" },
        { "GET", "/v1/admin/pipelines/{pipeline}/resolved-config", null, "viewer" },
    };

    protected override async Task<IReadOnlyDictionary<string, string>> ArrangeAsync(string org)
    {
        var client = Factory.CreateClient(org, "editor");
        var template = await client.InstallGa4WithReferencesAsync($"GA4 {org}");
        var spare = await client.InstallGa4WithReferencesAsync($"Spare {org}");
        var pipeline = await client.CreatePipelineWithGa4ParametersAsync($"Site {org}", "G-1", "s");
        var assignment = await client.AssignAsync(pipeline, template);
        return new Dictionary<string, string>
        {
            ["pipeline"] = pipeline,
            ["template"] = template,
            ["spare_template"] = spare,
            ["assignment"] = assignment["id"]!.GetValue<string>(),
        };
    }
}
