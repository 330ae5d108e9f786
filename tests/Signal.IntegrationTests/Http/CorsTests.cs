using System.Net;
using Microsoft.AspNetCore.Hosting;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.Pipelines;

namespace Signal.IntegrationTests.Http;

/// <summary>
/// Browser access: with <c>Cors:AllowedOrigins</c> set, a listed origin's preflight is answered without a token and its
/// requests may read ETag, Location, Retry-After and Idempotency-Key; another origin gets no CORS headers; and without
/// the setting (the default) no origin does.
/// </summary>
public sealed class CorsTests(CorsTests.AdminToolApiFactory factory) : ApiTest<CorsTests.AdminToolApiFactory>(factory), IClassFixture<CorsTests.AdminToolApiFactory>
{
    private const string AdminTool = "https://admin.example.com";

    [Fact]
    public async Task APreflightFromAListedOrigin_IsAnsweredWithoutAToken()
    {
        using var preflight = Preflight(AdminTool);

        using var response = await Anonymous().SendAsync(preflight);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(AdminTool);
        response.Headers.GetValues("Access-Control-Allow-Methods").Single().Should().Contain("PUT");
        response.Headers.GetValues("Access-Control-Allow-Headers").Single().Should().ContainAll("authorization", "if-match");
    }

    [Fact]
    public async Task ARequestFromAListedOrigin_MayReadTheHeadersItNeeds()
    {
        var id = (await Factory.CreateClient(Org, "editor").CreatePipelineAsync("""{"name":"From the browser"}""")).Id();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{PipelineApi.PipelinesPath}/{id}");
        request.Headers.Add("Origin", AdminTool);

        using var response = await Viewer().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(AdminTool);
        response.Headers.GetValues("Access-Control-Expose-Headers").Single().Split(',').Select(h => h.Trim())
            .Should().BeEquivalentTo("ETag", "Location", "Retry-After", "Idempotency-Key");
    }

    [Fact]
    public async Task AConditionalFeedPollFromAListedOrigin_GetsItsCorsHeadersOnThe304()
    {
        var processor = Factory.CreateProcessorClient();
        await Factory.WaitForFeedVersionAsync();
        for (var poll = 0; poll < 2; poll++)
        {
            // The second poll carries a token this instance has validated before: the kind of poll answered before
            // routing, which must not skip what CORS adds.
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/processor/config");
            request.Headers.Add("Origin", AdminTool);
            request.Headers.TryAddWithoutValidation("If-None-Match", "*");

            using var response = await processor.SendAsync(request);

            response.StatusCode.Should().Be(HttpStatusCode.NotModified);
            response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(AdminTool);
        }
    }

    [Fact]
    public async Task AnotherOrigin_GetsNoCorsHeaders()
    {
        using var preflight = Preflight("https://evil.example.net");

        using var response = await Anonymous().SendAsync(preflight);

        response.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }

    [Fact]
    public async Task WithoutTheSetting_NoOriginGetsCorsHeaders()
    {
        await using var closed = new SignalApiFactory();
        using var preflight = Preflight(AdminTool);

        using var response = await closed.CreateClient().SendAsync(preflight);

        response.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, $"{PipelineApi.PipelinesPath}/pip_x");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "PUT");
        request.Headers.Add("Access-Control-Request-Headers", "authorization, content-type, if-match");
        return request;
    }

    /// <summary>The API with one allowed browser origin.</summary>
    public sealed class AdminToolApiFactory : SignalApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Cors:AllowedOrigins:0", AdminTool);
        }
    }
}
