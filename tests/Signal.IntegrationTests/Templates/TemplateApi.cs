using System.Net;
using System.Text.Json.Nodes;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Templates;

/// <summary>The template endpoints as a test calls them.</summary>
public static class TemplateApi
{
    public const string TemplatesPath = "/v1/admin/integration-templates";

    public const string MetaSeedInstall = """
        {
          "name": "Meta CAPI Production",
          "variant": "retail",
          "config": { "pixel_id": "1234567890", "access_token": "EAABsb-seed-token-5678" },
          "delivery_mode": "server_side",
          "description": "Meta CAPI for our e-commerce site"
        }
        """;

    public static async Task<JsonNode> InstallAsync(this HttpClient client, string vendor, string body)
    {
        using var response = await client.PostJsonAsync($"/v1/admin/integration-catalog/{vendor}/install", body);
        return await response.ShouldBeAsync(HttpStatusCode.Created);
    }

    /// <summary>Installs Meta CAPI (retail) under <paramref name="name"/> and returns the template id.</summary>
    public static async Task<string> InstallMetaAsync(this HttpClient client, string name = "Meta CAPI Production")
    {
        var installed = await client.InstallAsync("meta_capi", MetaSeedInstall.Replace("Meta CAPI Production", name, StringComparison.Ordinal));
        return installed["template"]!["id"]!.GetValue<string>();
    }

    public static async Task<JsonNode> CreateTemplateAsync(this HttpClient client, string name, string vendor = "ga4")
    {
        using var response = await client.PostJsonAsync(TemplatesPath, $$"""{"name":"{{name}}","vendor":"{{vendor}}"}""");
        return await response.ShouldBeAsync(HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> CreateRevisionAsync(this HttpClient client, string templateId, string config, string changeSummary = "change") =>
        client.PostJsonAsync($"{TemplatesPath}/{templateId}/revisions",
            $$"""{"config":{{config}},"delivery_mode":"server_side","change_summary":"{{changeSummary}}"}""");
}
