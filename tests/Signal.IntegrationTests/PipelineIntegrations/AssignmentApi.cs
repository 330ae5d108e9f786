using System.Net;
using System.Text.Json.Nodes;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.Pipelines;
using Signal.IntegrationTests.Templates;

namespace Signal.IntegrationTests.PipelineIntegrations;

/// <summary>A GA4 example: one template whose config references pipeline parameters, and pipelines that fill them.</summary>
public static class AssignmentApi
{
    public static string IntegrationsPath(string pipelineId) => $"{PipelineApi.PipelinesPath}/{pipelineId}/integrations";

    /// <summary>Installs GA4 with parameter references (v1) and returns the template id.</summary>
    public static async Task<string> InstallGa4WithReferencesAsync(this HttpClient client, string name = "GA4 shared")
    {
        var installed = await client.InstallAsync("ga4", $$$"""
            {"name":"{{{name}}}","config":{"measurement_id":"{{pipeline_param.ga4_measurement_id}}","api_secret":"{{pipeline_param.ga4_api_secret}}","debug_mode":false}}
            """);
        return installed["template"]!["id"]!.GetValue<string>();
    }

    public static async Task<string> CreatePipelineWithGa4ParametersAsync(this HttpClient client, string name, string measurementId, string apiSecret)
    {
        var created = await client.CreatePipelineAsync($$$"""
            {"name":"{{{name}}}","parameters":{"ga4_measurement_id":"{{{measurementId}}}","ga4_api_secret":"{{{apiSecret}}}"}}
            """);
        return created.Id();
    }

    public static async Task<JsonNode> AssignAsync(this HttpClient client, string pipelineId, string templateId, string? extra = null)
    {
        using var response = await client.PostJsonAsync(IntegrationsPath(pipelineId), $$"""{"integration_id":"{{templateId}}"{{extra}}}""");
        return await response.ShouldBeAsync(HttpStatusCode.Created);
    }

    /// <summary>Adds revision n+1 of a GA4 template with a static measurement id that tells revisions apart.</summary>
    public static async Task AddGa4RevisionAsync(this HttpClient client, string templateId, string marker)
    {
        using var response = await client.CreateRevisionAsync(templateId,
            $$$"""{"measurement_id":"{{{marker}}}","api_secret":"{{pipeline_param.ga4_api_secret}}"}""");
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Installs Meta CAPI as the API reference does (access token <c>EAABsb-seed-token-5678</c>) and returns the template id.</summary>
    public static Task<string> InstallMetaTemplateAsync(this HttpClient client) => client.InstallMetaAsync();

    public static async Task<JsonNode> ResolvedConfigAsync(this HttpClient client, string pipelineId) =>
        await (await client.GetAsync($"{PipelineApi.PipelinesPath}/{pipelineId}/resolved-config")).ShouldBeAsync(HttpStatusCode.OK);
}
