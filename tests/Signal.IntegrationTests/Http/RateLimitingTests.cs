using System.Net;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Http;

/// <summary>The API with three requests a minute per caller, so that the limit is reached in a test.</summary>
public sealed class RateLimitedApiFactory : SignalApiFactory
{
    public const int Permits = 3;

    protected override int PermitsPerMinute => Permits;
}

/// <summary>Per-caller limits: 429 problem+json with Retry-After, per user on /v1/admin, per service on /v1/processor.</summary>
[Collection(DatabaseTests.Name)]
public sealed class RateLimitingTests(RateLimitedApiFactory factory) : IClassFixture<RateLimitedApiFactory>, IAsyncLifetime
{
    // The feed lists every organisation's pipelines: what an earlier test class left (a secret planted under another
    // organisation's key, say) must not decide this one.
    public Task InitializeAsync() => factory.ResetDatabaseAsync();

    public Task DisposeAsync()
    {
        factory.Logs.ShouldHaveLoggedNoSecret();
        return Task.CompletedTask;
    }

    private const string CatalogPath = "/v1/admin/integration-catalog";

    [Fact]
    public async Task OverTheLimit_Returns429ProblemWithRetryAfter_AndOtherUsersAreNotAffected()
    {
        var user = factory.CreateClient("org_limits", "viewer", "user_busy");
        for (var i = 0; i < RateLimitedApiFactory.Permits; i++)
        {
            (await user.GetAsync(CatalogPath)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var refused = await user.GetAsync(CatalogPath);

        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 60);
        (await factory.CreateClient("org_limits", "viewer", "user_calm").GetAsync(CatalogPath)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await factory.CreateClient("org_other", "viewer", "user_busy").GetAsync(CatalogPath)).StatusCode
            .Should().Be(HttpStatusCode.OK, "the same subject in another organisation is another user");
    }

    [Fact]
    public async Task TheProcessorFeed_IsLimitedPerServicePrincipal()
    {
        var service = factory.CreateProcessorClient("svc_limited");
        for (var i = 0; i < RateLimitedApiFactory.Permits; i++)
        {
            (await service.GetAsync("/v1/processor/config")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var refused = await service.GetAsync("/v1/processor/config");

        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
    }

    [Fact]
    public async Task ConditionalFeedPolls_CountAgainstTheLimit_AlsoWhenAnsweredFromMemory()
    {
        var service = factory.CreateProcessorClient("svc_polling");
        await factory.WaitForFeedVersionAsync();
        for (var i = 0; i < RateLimitedApiFactory.Permits; i++)
        {
            // The first poll validates the token; the later ones are answered before routing, with the same limiter.
            using var poll = await PollAsync(service);
            poll.StatusCode.Should().Be(HttpStatusCode.NotModified);
        }

        using var refused = await PollAsync(service);

        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 60);
    }

    private static async Task<HttpResponseMessage> PollAsync(HttpClient service)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/processor/config");
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        return await service.SendAsync(request);
    }

    [Fact]
    public async Task HealthAndTheOpenApiDocument_AreNotLimited()
    {
        var anonymous = factory.CreateClient();
        for (var i = 0; i < RateLimitedApiFactory.Permits * 2; i++)
        {
            (await anonymous.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
            (await anonymous.GetAsync("/openapi/v1.json")).StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }
}
