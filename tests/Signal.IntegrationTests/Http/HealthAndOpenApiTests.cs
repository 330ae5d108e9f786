using System.Net;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Http;

public sealed class HealthAndOpenApiTests(SignalApiFactory factory) : ApiTest(factory)
{
    [Theory]
    [InlineData("/health/live", "live")]
    [InlineData("/health/ready", "ready")]
    public async Task HealthProbes_NeedNoToken(string path, string status)
    {
        using var response = await Anonymous().GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("status").GetString().Should().Be(status);
    }

    [Fact]
    public async Task OpenApiDocument_IsServedWithBearerSchemeStableIdsAndExamples()
    {
        using var response = await Anonymous().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var document = await response.ReadJsonAsync();
        document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer")
            .GetProperty("scheme").GetString().Should().Be("bearer");

        var list = document.GetProperty("paths").GetProperty("/v1/admin/integration-catalog").GetProperty("get");
        list.GetProperty("operationId").GetString().Should().Be("IntegrationCatalog_List");
        list.GetProperty("security").GetArrayLength().Should().BeGreaterThan(0);
        var ok = list.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json");
        ok.GetProperty("example").GetProperty("vendors")[0].GetProperty("key").GetString().Should().Be("meta_capi");
        var badRequest = list.GetProperty("responses").GetProperty("400").GetProperty("content")
            .GetProperty("application/problem+json");
        badRequest.GetProperty("schema").GetProperty("$ref").GetString().Should().EndWith("/ApiProblem");
        badRequest.GetProperty("example").GetProperty("code").GetString().Should().Be("validation_failed");

        document.GetProperty("paths").GetProperty("/v1/admin/integration-catalog/{vendor}").GetProperty("get")
            .GetProperty("operationId").GetString().Should().Be("IntegrationCatalog_Get");
    }

    [Fact]
    public async Task OpenApiDocument_UsesSnakeCaseAndStringEnums()
    {
        using var response = await Anonymous().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var schemas = (await response.ReadJsonAsync()).GetProperty("components").GetProperty("schemas");

        schemas.GetProperty("VendorResponse").GetProperty("properties").EnumerateObject().Select(p => p.Name)
            .Should().Contain(["config_fields", "variants", "website"]);
        schemas.GetProperty("VendorCategory").GetProperty("enum").EnumerateArray().Select(e => e.GetString())
            .Should().Equal("advertising", "analytics", "attribution", "cdp", "cloud_storage", "other");
        schemas.GetProperty("ApiProblem").GetProperty("properties").EnumerateObject().Select(p => p.Name)
            .Should().Contain(["code", "trace_id", "errors"]);
    }

    [Fact]
    public async Task SwaggerUi_IsServedAtDocs()
    {
        using var response = await Anonymous().GetAsync(new Uri("/docs/index.html", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("swagger");
    }
}
