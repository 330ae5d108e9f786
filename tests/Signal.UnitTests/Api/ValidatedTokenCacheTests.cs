using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Time.Testing;
using Signal.Api.Auth;

namespace Signal.UnitTests.Api;

public sealed class ValidatedTokenCacheTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ARememberedTicket_IsAnsweredUntilItsTokenExpiresPlusTheClockSkew()
    {
        var cache = new ValidatedTokenCache(_clock);
        var ticket = Ticket(_clock.GetUtcNow().AddMinutes(5));
        cache.Remember("Bearer a", ticket);

        cache.TryGet("Bearer a", out var remembered).Should().BeTrue();
        remembered.IsCompletedSuccessfully.Should().BeTrue("a remembered token is answered without waiting");
        (await remembered).Ticket.Should().BeSameAs(ticket);

        _clock.Advance(TimeSpan.FromMinutes(5) + ValidatedTokenCache.ClockSkew - TimeSpan.FromSeconds(1));
        cache.TryGet("Bearer a", out _).Should().BeTrue("the token is still inside its skew");

        _clock.Advance(TimeSpan.FromSeconds(1));
        cache.TryGet("Bearer a", out _).Should().BeFalse("past expiry plus skew the token must be validated again");
        cache.Count.Should().Be(0, "an expired entry is dropped when it is found");
    }

    [Fact]
    public void OnlyTheExactHeaderIsRecognised()
    {
        var cache = new ValidatedTokenCache(_clock);
        cache.Remember("Bearer a", Ticket(_clock.GetUtcNow().AddMinutes(5)));

        cache.TryGet("Bearer b", out _).Should().BeFalse();
        cache.TryGet("bearer a", out _).Should().BeFalse();
    }

    [Fact]
    public void ATicketWithoutExpiry_IsNeverRemembered()
    {
        var cache = new ValidatedTokenCache(_clock);
        cache.Remember("Bearer a", Ticket(expires: null));

        cache.TryGet("Bearer a", out _).Should().BeFalse();
    }

    [Fact]
    public void AFullCache_IsEmptiedRatherThanGrown()
    {
        var cache = new ValidatedTokenCache(_clock);
        var expires = _clock.GetUtcNow().AddMinutes(5);
        for (var i = 0; i < ValidatedTokenCache.MaxEntries; i++)
        {
            cache.Remember($"Bearer {i}", Ticket(expires));
        }

        cache.Remember("Bearer one more", Ticket(expires));

        cache.Count.Should().Be(1);
        cache.TryGet("Bearer one more", out _).Should().BeTrue();
    }

    private static AuthenticationTicket Ticket(DateTimeOffset? expires) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "user_1")], "Bearer")),
            new AuthenticationProperties { ExpiresUtc = expires }, "Bearer");
}
