using System.Net;
using System.Text.Json.Nodes;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Pipelines;

/// <summary>The pipeline endpoints as a test calls them.</summary>
public static class PipelineApi
{
    public const string PipelinesPath = "/v1/admin/pipelines";

    /// <summary>The create example of the API reference.</summary>
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

    public static async Task<JsonNode> CollectorStatusAsync(this HttpClient client, string id) =>
        await (await client.GetAsync($"{PipelinesPath}/{id}/collector/status")).ShouldBeAsync(HttpStatusCode.OK);

    /// <summary>Polls the collector status until the build is ready; fails on a failed build or after 30 s.</summary>
    public static async Task<JsonNode> WaitForCollectorAsync(this HttpClient client, string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var status = await client.CollectorStatusAsync(id);
            var state = status["status"]!.GetValue<string>();
            if (state == "ready")
            {
                return status;
            }

            state.Should().Be("building", status.ToJsonString());
            DateTime.UtcNow.Should().BeBefore(deadline, "the worker should build within seconds");
            await Task.Delay(50);
        }
    }

    /// <summary>Queues a collector build and waits until it is ready.</summary>
    public static async Task<JsonNode> BuildCollectorAsync(this HttpClient client, string id)
    {
        using var response = await client.PostAsync(new Uri($"{PipelinesPath}/{id}/collector/build", UriKind.Relative), null);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        return await client.WaitForCollectorAsync(id);
    }

    public static string Id(this JsonNode node) => node["id"]!.GetValue<string>();
}
