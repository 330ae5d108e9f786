using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Signal.Api.Auth;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Auth;

public sealed class AuthenticationTests(SignalApiFactory factory) : ApiTest(factory)
{
    private const string CatalogPath = "/v1/admin/integration-catalog";

    [Fact]
    public async Task NoToken_Returns401ProblemWithBearerChallenge()
    {
        using var response = await Anonymous().GetAsync(new Uri(CatalogPath, UriKind.Relative));

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        response.Headers.WwwAuthenticate.Should().ContainSingle(h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task ValidViewerToken_Returns200()
    {
        using var response = await SendWithToken(Mint(Factory.AuthOptions, "viewer"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AValidatedToken_IsRememberedAndAnInvalidOneIsNot()
    {
        var cache = Factory.Services.GetRequiredService<ValidatedTokenCache>();
        var valid = Mint(Factory.AuthOptions, "viewer");
        var wrongKey = Mint(new AuthOptions { SigningKey = "another-signing-key-of-32-bytes-or-more" }, "viewer");

        (await SendWithToken(valid)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await SendWithToken(wrongKey)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        cache.TryGet($"Bearer {valid}", out var remembered).Should().BeTrue();
        var principal = (await remembered).Principal.Should().BeOfType<SignalPrincipal>().Subject;
        principal.FindFirst("org_id")!.Value.Should().Be(Org);
        principal.Caller.OrgId.Should().Be(Org, "the caller is parsed once, when the token is validated");
        cache.TryGet($"Bearer {wrongKey}", out _).Should().BeFalse();
        (await SendWithToken(valid)).StatusCode.Should().Be(HttpStatusCode.OK, "a remembered token still authenticates");
    }

    public static TheoryData<string, string> InvalidTokens()
    {
        var valid = new AuthOptions { SigningKey = TestSettings.SigningKey };
        var past = DateTimeOffset.UtcNow.AddHours(-2);
        return new TheoryData<string, string>
        {
            { "expired", TestTokens.Mint(valid, User("viewer", TimeSpan.FromHours(1)), past) },
            { "wrong issuer", Mint(new AuthOptions { SigningKey = TestSettings.SigningKey, Issuer = "someone-else" }, "viewer") },
            { "wrong audience", Mint(new AuthOptions { SigningKey = TestSettings.SigningKey, Audience = "another-api" }, "viewer") },
            { "wrong key", Mint(new AuthOptions { SigningKey = "a-different-signing-key-of-enough-length!!" }, "viewer") },
            { "alg none", TestTokens.WithoutSignature(valid, "org_test", "viewer") },
            { "not yet valid", TestTokens.Mint(valid, User("viewer", TimeSpan.FromHours(1)), DateTimeOffset.UtcNow.AddMinutes(10)) },
            { "no org_id", TestTokens.Mint(valid, new TokenRequest("user_test", null, "admin", null, TimeSpan.FromHours(1))) },
            { "garbage", "not-a-jwt" },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidTokens))]
    public async Task InvalidToken_Returns401Problem(string reason, string token)
    {
        using var response = await SendWithToken(token);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        problem.GetProperty("detail").GetString().Should().NotBeNullOrEmpty(reason);
        response.Headers.WwwAuthenticate.Should().ContainSingle().Which.Parameter.Should().Contain("invalid_token");
    }

    [Fact]
    public async Task ExpiredToken_SaysSoInTheDetail()
    {
        var token = TestTokens.Mint(Factory.AuthOptions, User("viewer", TimeSpan.FromHours(1)), DateTimeOffset.UtcNow.AddHours(-2));

        using var response = await SendWithToken(token);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        problem.GetProperty("detail").GetString().Should().Contain("expired");
    }

    [Fact]
    public async Task TokenWithinClockSkew_IsAccepted()
    {
        // Expired 10 s ago: inside the 30 s tolerance for clocks that disagree.
        var token = TestTokens.Mint(Factory.AuthOptions, User("viewer", TimeSpan.FromMinutes(1)), DateTimeOffset.UtcNow.AddSeconds(-70));

        using var response = await SendWithToken(token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TokenWithoutOrgId_Returns401NamingTheClaim()
    {
        var token = TestTokens.Mint(Factory.AuthOptions, new TokenRequest("user_test", null, "owner", null, TimeSpan.FromHours(1)));

        using var response = await SendWithToken(token);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        problem.GetProperty("detail").GetString().Should().Contain("org_id");
    }

    [Theory]
    [InlineData("superuser")]
    [InlineData("Viewer")]
    [InlineData("")]
    public async Task UnknownRole_Returns403(string role)
    {
        using var response = await SendWithToken(Mint(Factory.AuthOptions, role));

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("editor")]
    [InlineData("admin")]
    [InlineData("owner")]
    public async Task EveryRole_CanReadTheCatalog(string role)
    {
        using var response = await SendWithToken(Mint(Factory.AuthOptions, role));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TokenCommand_MintsATokenTheApiAccepts()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = TokenCommand.Run(["--org", "org_test", "--role", "admin", "--sub", "user_cli", "--ttl", "8h"],
            Factory.AuthOptions, output, error);

        exitCode.Should().Be(0, error.ToString());
        using var response = await SendWithToken(output.ToString().Trim());
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static TokenRequest User(string role, TimeSpan lifetime) => new("user_test", "org_test", role, null, lifetime);

    private static string Mint(AuthOptions options, string role) => TestTokens.Mint(options, User(role, TimeSpan.FromHours(1)));

    private async Task<HttpResponseMessage> SendWithToken(string token)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync(new Uri(CatalogPath, UriKind.Relative));
    }
}
