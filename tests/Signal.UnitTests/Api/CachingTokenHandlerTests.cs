using System.Text;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using Signal.Api.Auth;

namespace Signal.UnitTests.Api;

public sealed class CachingTokenHandlerTests
{
    private static readonly AuthOptions Options = new() { SigningKey = "unit-test-signing-key-of-32-bytes-or-more" };

    private static readonly TokenValidationParameters Parameters = new()
    {
        ValidIssuer = Options.Issuer,
        ValidAudience = Options.Audience,
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Options.SigningKey!)),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.FromSeconds(30),
    };

    [Fact]
    public async Task ARememberedToken_IsValidatedAgainOnceItHasExpired()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var handler = new CachingTokenHandler(clock);
        var token = TokenIssuer.Mint(Options, new TokenRequest("user_1", "org_1", "viewer", null, TimeSpan.FromMinutes(5)), clock.GetUtcNow());

        var first = await handler.ValidateTokenAsync(token, Parameters);
        var second = await handler.ValidateTokenAsync(token, Parameters);
        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(31));
        var third = await handler.ValidateTokenAsync(token, Parameters);

        first.IsValid.Should().BeTrue();
        second.IsValid.Should().BeTrue();
        second.SecurityToken.Should().BeSameAs(first.SecurityToken, "the second use is answered from memory");
        second.ClaimsIdentity.Should().NotBeSameAs(first.ClaimsIdentity, "each request gets its own identity");
        second.ClaimsIdentity.FindFirst("org_id")!.Value.Should().Be("org_1");
        third.SecurityToken.Should().NotBeSameAs(first.SecurityToken, "past expiry plus skew the token is validated again");
    }

    [Fact]
    public async Task AnInvalidToken_IsNeverRemembered()
    {
        var handler = new CachingTokenHandler(TimeProvider.System);
        var wrongKey = TokenIssuer.Mint(new AuthOptions { SigningKey = "another-signing-key-of-32-bytes-or-more" },
            new TokenRequest("user_1", "org_1", "viewer", null, TimeSpan.FromMinutes(5)), DateTimeOffset.UtcNow);

        (await handler.ValidateTokenAsync(wrongKey, Parameters)).IsValid.Should().BeFalse();
        (await handler.ValidateTokenAsync(wrongKey, Parameters)).IsValid.Should().BeFalse();
    }
}
