using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Http;

[Collection(DatabaseTests.Name)]
public sealed class HttpConventionTests(ProbeApiFactory factory) : IClassFixture<ProbeApiFactory>, IDisposable
{
    public void Dispose() => factory.Logs.ShouldHaveLoggedNoSecret();

    private const string EchoPath = "/v1/admin/_probe/echo";

    [Fact]
    public async Task Body_UsesSnakeCaseAndUtcTimestampsWithZ()
    {
        using var response = await PostJson("""{"display_name":"a","max_count":2,"nested":null,"happened_at":"2026-02-25T16:30:00+02:00"}""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be(
            """{"display_name":"a","max_count":2,"nested":null,"happened_at":"2026-02-25T14:30:00Z"}""");
    }

    [Fact]
    public async Task UnknownField_Returns400NamingIt()
    {
        using var response = await PostJson("""{"display_name":"a","max_count":2,"org_id":"org_other"}""");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorsFor("org_id").Should().Equal("is not a recognised field; remove it");
    }

    [Fact]
    public async Task DuplicateField_Returns400NamingIt()
    {
        using var response = await PostJson("""{"display_name":"a","max_count":2,"display_name":"b"}""");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorsFor("display_name").Should().Equal("is sent more than once; send each field once");
    }

    [Fact]
    public async Task Text_IsWrittenAsIs_WithoutEscapingHtmlCharacters()
    {
        using var response = await PostJson("""{"display_name":"Admin > Data streams & 'tags' <x>","max_count":2,"nested":null,"happened_at":null}""");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"display_name\":\"Admin > Data streams & 'tags' <x>\"");
    }

    [Fact]
    public async Task UnknownNestedField_Returns400WithItsPath()
    {
        using var response = await PostJson("""{"display_name":"a","max_count":2,"nested":{"inner_value":"x","extra":1}}""");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorsFor("nested.extra").Should().Equal("is not a recognised field; remove it");
    }

    [Fact]
    public async Task WrongJsonType_Returns400NamingTheField()
    {
        using var response = await PostJson("""{"display_name":"a","max_count":"two"}""");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorsFor("max_count").Should().Equal("has the wrong JSON type");
        problem.GetRawText().Should().NotContain("System.", "messages never name .NET types");
    }

    [Fact]
    public async Task NullForRequiredField_Returns400NamingTheField()
    {
        using var response = await PostJson("""{"display_name":null,"max_count":1}""");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorsFor("display_name").Should().Equal("must not be null");
    }

    [Fact]
    public async Task MalformedJson_Returns400MalformedJson()
    {
        using var response = await PostJson("""{"display_name": "a", """);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed_json");
        problem.ErrorsFor("body").Should().ContainSingle().Which.Should().StartWith("is not valid JSON");
    }

    [Fact]
    public async Task EmptyBody_Returns400()
    {
        using var response = await PostJson("");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorsFor("body").Should().Equal("a JSON object is required");
    }

    [Fact]
    public async Task NestingDeeperThan32_Returns400()
    {
        var deep = new StringBuilder("""{"display_name":"a","max_count":1,"nested":""");
        for (var i = 0; i < 40; i++)
        {
            deep.Append("""{"inner_value":"x","child":""");
        }

        deep.Append("null").Append('}', 41);

        using var response = await PostJson(deep.ToString());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task BodyOver1MiB_Returns413Problem()
    {
        var big = $$"""{"display_name":"{{new string('x', 1024 * 1024)}}","max_count":1}""";

        using var response = await PostJson(big);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task NonJsonContentType_Returns415Problem()
    {
        using var content = new StringContent("display_name=a", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await Editor().PostAsync(new Uri(EchoPath, UriKind.Relative), content);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task WrongMethod_Returns405Problem()
    {
        using var response = await Editor().DeleteAsync(new Uri(EchoPath, UriKind.Relative));

        await response.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Fact]
    public async Task UnknownPath_Returns404Problem()
    {
        using var response = await Editor().GetAsync(new Uri("/v1/admin/no-such-thing", UriKind.Relative));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task RoleBelowRequired_Returns403NamingTheRoleNeeded()
    {
        using var response = await factory.CreateClient("org_test", "viewer")
            .PostAsync(new Uri(EchoPath, UriKind.Relative), Json("""{"display_name":"a","max_count":1}"""));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        problem.GetProperty("detail").GetString().Should().Be("This operation needs the editor role or above; your token has viewer.");
    }

    [Fact]
    public async Task DomainRuleBroken_IsTheSame400AsAValidationFailure()
    {
        using var response = await Editor().PostAsync(new Uri("/v1/admin/_probe/domain-rule", UriKind.Relative), null);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorsFor("labels").Should().Equal("'a b' must be 1 to 100 characters without whitespace");
    }

    [Fact]
    public async Task DatabaseRead_WhenHealthy_Returns200()
    {
        using var response = await Editor().GetAsync(new Uri("/v1/admin/_probe/database", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private HttpClient Editor() => factory.CreateClient("org_test", "editor");

    private async Task<HttpResponseMessage> PostJson(string json) =>
        await Editor().PostAsync(new Uri(EchoPath, UriKind.Relative), Json(json));

    private static StringContent Json(string json) =>
        new(json, new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" });
}
