using System.Net;
using Signal.Application.Pipelines;
using Signal.IntegrationTests.Infrastructure;
using static Signal.IntegrationTests.Pipelines.PipelineApi;

namespace Signal.IntegrationTests.Pipelines;

/// <summary>Challenge tokens (docs/challenge-tokens.md) through HTTP, verified with nothing but the pipeline key secret.</summary>
public sealed class ChallengeTokenTests(FakeClockApiFactory factory) : ApiTest<FakeClockApiFactory>(factory), IClassFixture<FakeClockApiFactory>
{
    [Fact]
    public async Task Token_VerifiesWithTheSecret_UntilItExpiresAnHourLater()
    {
        var (id, secret) = await CreateAsync(required: true);
        var issuedAt = Factory.Clock.GetUtcNow();

        var body = await (await Editor().PostAsync(new Uri($"{PipelinesPath}/{id}/tokens", UriKind.Relative), null)).ShouldBeAsync(HttpStatusCode.OK);

        var token = body["token"]!.GetValue<string>();
        token.Should().StartWith("ct_");
        DateTimeOffset.Parse(body["expires_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeCloseTo(issuedAt.AddHours(1), TimeSpan.FromSeconds(1));
        ChallengeTokens.Verify(token, id, secret, Factory.Clock.GetUtcNow()).Should().Be(ChallengeTokenCheck.Valid);

        Factory.Clock.Advance(TimeSpan.FromMinutes(59));
        ChallengeTokens.Verify(token, id, secret, Factory.Clock.GetUtcNow()).Should().Be(ChallengeTokenCheck.Valid);
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        ChallengeTokens.Verify(token, id, secret, Factory.Clock.GetUtcNow()).Should().Be(ChallengeTokenCheck.Expired);
    }

    [Fact]
    public async Task Token_IsInvalidAfterTheSecretIsRotated()
    {
        var (id, secret) = await CreateAsync(required: true);
        var token = (await (await Editor().PostAsync(new Uri($"{PipelinesPath}/{id}/tokens", UriKind.Relative), null))
            .ShouldBeAsync(HttpStatusCode.OK))["token"]!.GetValue<string>();

        var rotated = await (await Factory.CreateClient("org_test", "admin").PostAsync(new Uri($"{PipelinesPath}/{id}/rotate-secret", UriKind.Relative), null))
            .ShouldBeAsync(HttpStatusCode.OK);

        ChallengeTokens.Verify(token, id, rotated["pipeline_key_secret"]!.GetValue<string>(), Factory.Clock.GetUtcNow())
            .Should().Be(ChallengeTokenCheck.BadSignature);
        ChallengeTokens.Verify(token, id, secret, Factory.Clock.GetUtcNow()).Should().Be(ChallengeTokenCheck.Valid, "only the old secret matches it");
    }

    [Fact]
    public async Task Token_ForAPipelineThatDoesNotRequireThem_Is409()
    {
        var (id, _) = await CreateAsync(required: false);

        using var response = await Editor().PostAsync(new Uri($"{PipelinesPath}/{id}/tokens", UriKind.Relative), null);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "challenge_tokens_not_required");
    }

    private HttpClient Editor() => Factory.CreateClient("org_test", "editor");

    private async Task<(string Id, string Secret)> CreateAsync(bool required)
    {
        var created = await Editor().CreatePipelineAsync($$"""{"name":"Tokens","challenge_token_required":{{(required ? "true" : "false")}}}""");
        return (created.Id(), created["pipeline_key_secret"]!.GetValue<string>());
    }
}
