using System.Net;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Http;

/// <summary>API answers are never stored by caches and never content-sniffed, errors included.</summary>
public sealed class ResponseHeadersTests(SignalApiFactory factory) : ApiTest(factory)
{
    public static TheoryData<string, bool, HttpStatusCode> Requests() => new()
    {
        { "/v1/admin/integration-catalog", true, HttpStatusCode.OK },
        { "/v1/admin/integration-catalog", false, HttpStatusCode.Unauthorized },
        { "/v1/admin/pipelines/pip_missing", true, HttpStatusCode.NotFound },
        { "/v1/admin/pipelines?limit=0", true, HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task ApiResponses_AreNoStoreAndNoSniff(string path, bool authenticated, HttpStatusCode status)
    {
        using var response = await (authenticated ? Viewer() : Anonymous()).GetAsync(path);

        response.StatusCode.Should().Be(status);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
    }

    [Fact]
    public async Task Health_IsNoSniffButMayBeCached()
    {
        using var response = await Anonymous().GetAsync("/health/live");

        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.CacheControl?.NoStore.Should().NotBe(true);
    }
}
