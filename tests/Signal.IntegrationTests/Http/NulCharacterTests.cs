using System.Net;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Http;

/// <summary>
/// PostgreSQL cannot store the NUL character in text: a NUL anywhere in a query string or a JSON body is a 400 that
/// names where it is (the fuzz test found these answered 500 before).
/// </summary>
public sealed class NulCharacterTests(SignalApiFactory factory) : ApiTest(factory)
{
    [Theory]
    [InlineData("GET", "/v1/admin/pipelines?search=a%00b", null, "search")]
    [InlineData("GET", "/v1/admin/pipelines?label=a%00b", null, "label")]
    [InlineData("GET", "/v1/admin/integration-templates?search=a%00b", null, "search")]
    [InlineData("GET", "/v1/admin/integration-catalog?search=a%00b", null, "search")]
    [InlineData("POST", "/v1/admin/pipelines", """{"name":"a\u0000b"}""", "name")]
    [InlineData("POST", "/v1/admin/pipelines", """{"name":"ab","labels":["a\u0000b"]}""", "labels[0]")]
    [InlineData("POST", "/v1/admin/pipelines", """{"name":"ab","parameters":{"k":"a\u0000b"}}""", "parameters.k")]
    [InlineData("POST", "/v1/admin/integration-templates", """{"name":"ab","vendor":"ga4","description":"a\u0000b"}""", "description")]
    [InlineData("POST", "/v1/admin/pipelines", """{"name":"ab","config":{"k":"a\u0000b"}}""", "request")]
    public async Task ANulCharacter_Is400NamingWhereItIs(string method, string path, string? body, string field)
    {
        using var response = await Factory.CreateClient(Org, "editor").SendJsonAsync(method, path, body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorsFor(field).Should().ContainSingle().Which.Should().Contain("NUL");
        (await Db.ScalarAsync<long>("SELECT count(*) FROM pipelines")).Should().Be(0);
    }
}
