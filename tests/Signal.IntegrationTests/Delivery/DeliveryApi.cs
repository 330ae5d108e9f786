using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.PipelineIntegrations;
using Signal.IntegrationTests.Pipelines;

namespace Signal.IntegrationTests.Delivery;

public static class DeliveryApi
{
    public const string ReportsPath = "/v1/processor/delivery-reports";
    public const string HealthPath = "/v1/admin/delivery-health";

    /// <summary>A pipeline named <paramref name="pipelineName"/> with a GA4 template assigned; returns (pipeline id, pipeline integration id).</summary>
    public static async Task<(string PipelineId, string PipelineIntegrationId)> AssignedAsync(
        this HttpClient editor, string pipelineName, string? templateId = null)
    {
        templateId ??= await editor.InstallGa4WithReferencesAsync($"GA4 {pipelineName}");
        var pipelineId = await editor.CreatePipelineWithGa4ParametersAsync(pipelineName, "G-1", "secret-1");
        var assignment = await editor.AssignAsync(pipelineId, templateId);
        return (pipelineId, assignment.Id());
    }

    /// <summary>One report's JSON: a five-minute window ending at <paramref name="windowEnd"/>, from a processor that ran <paramref name="revision"/>.</summary>
    public static string Report(
        string pipelineIntegrationId, long delivered, long failed, DateTimeOffset windowEnd, string lastError = "null", int revision = 1) => $$"""
        {"pipeline_integration_id":"{{pipelineIntegrationId}}","revision_number":{{revision}},"window_start":"{{Iso(windowEnd.AddMinutes(-5))}}",
         "window_end":"{{Iso(windowEnd)}}","delivered":{{delivered}},"failed":{{failed}},"last_error":{{lastError}}}
        """;

    public static string Body(string processorId, params string[] reports) =>
        $$"""{"processor_id":"{{processorId}}","reports":[{{string.Join(",", reports)}}]}""";

    /// <summary>Sends the reports; expects 202 and returns <c>{accepted, ignored}</c>.</summary>
    public static async Task<JsonNode> ReportAsync(this HttpClient processor, string processorId, params string[] reports)
    {
        using var response = await processor.PostJsonAsync(ReportsPath, Body(processorId, reports));
        return await response.ShouldBeAsync(HttpStatusCode.Accepted);
    }

    public static async Task<JsonNode> HealthPageAsync(this HttpClient viewer, string query = "") =>
        await (await viewer.GetAsync(new Uri(HealthPath + query, UriKind.Relative))).ShouldBeAsync(HttpStatusCode.OK);

    public static async Task<JsonNode> PipelineIntegrationAsync(this HttpClient viewer, string pipelineId, string pipelineIntegrationId) =>
        await (await viewer.GetAsync(new Uri($"{AssignmentApi.IntegrationsPath(pipelineId)}/{pipelineIntegrationId}", UriKind.Relative)))
            .ShouldBeAsync(HttpStatusCode.OK);

    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
