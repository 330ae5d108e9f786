using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Signal.IntegrationTests.Infrastructure;

public static class ProblemAssertions
{
    /// <summary>Asserts an RFC 9457 problem with every field Signal promises, and returns it.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        problem.GetProperty("status").GetInt32().Should().Be((int)status);
        problem.GetProperty("code").GetString().Should().Be(code);
        problem.GetProperty("type").GetString().Should().StartWith("https://");
        problem.GetProperty("title").GetString().Should().NotBeNullOrEmpty();
        problem.GetProperty("detail").GetString().Should().NotBeNullOrEmpty();
        problem.GetProperty("instance").GetString().Should().StartWith("/");
        problem.GetProperty("trace_id").GetString().Should().NotBeNullOrEmpty();
        problem.GetProperty("errors").ValueKind.Should().Be(JsonValueKind.Object);
        body.Should().NotContain("   at ", "a problem never carries a stack trace");
        SecretPatterns.Find(body).Should().BeEmpty("a problem never carries a secret or a token");
        return problem;
    }

    public static string[] ErrorsFor(this JsonElement problem, string field) =>
        problem.GetProperty("errors").TryGetProperty(field, out var messages)
            ? messages.Deserialize<string[]>()!
            : throw new Xunit.Sdk.XunitException($"The problem has no errors for '{field}': {problem.GetRawText()}");

    public static Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        response.Content.ReadFromJsonAsync<JsonElement>();
}
