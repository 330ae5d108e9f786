using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Signal.IntegrationTests.Infrastructure;

/// <summary>Sends raw JSON (as a client would write it) and reads answers as JSON nodes.</summary>
public static class JsonHttp
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, string json, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    /// <summary>Any method, with a JSON body when <paramref name="body"/> is set.</summary>
    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, string method, string path, string? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request);
    }

    public static async Task<JsonNode> ReadNodeAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(body) ?? throw new JsonException("empty body");
    }

    /// <summary>Asserts the status and returns the JSON body.</summary>
    public static async Task<JsonNode> ShouldBeAsync(this HttpResponseMessage response, System.Net.HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        return JsonNode.Parse(body)!;
    }
}
