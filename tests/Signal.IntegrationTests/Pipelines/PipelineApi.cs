using System.Net;
using System.Text.Json.Nodes;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Pipelines;

/// <summary>The pipeline endpoints as a test calls them.</summary>
public static class PipelineApi
{
    public const string PipelinesPath = "/v1/admin/pipelines";

    /// <summary>Seed 003's create example.</summary>
    public const string SeedCreate = """
        {
          "name": "Marketing Website",
          "slug": "marketing-website",
          "type": "web",
          "domain_allowlist": ["www.example.com", "example.com"],
          "labels": ["env:production", "brand:marketing"],
          "rate_limit_rps": 1000,
          "parameters": { "ga4_measurement_id": "G-XXXXXXX", "ga4_api_secret": "xxxxxxxxxxx" },
          "js_builder_config": { "script_filename": "d.js", "global_variable": "_df" }
        }
        """;

    public static async Task<JsonNode> CreatePipelineAsync(this HttpClient client, string body)
    {
        using var response = await client.PostJsonAsync(PipelinesPath, body);
        return await response.ShouldBeAsync(HttpStatusCode.Created);
    }

    public static string Id(this JsonNode node) => node["id"]!.GetValue<string>();
}
