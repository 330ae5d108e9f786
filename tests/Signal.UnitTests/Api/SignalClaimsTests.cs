using System.Security.Claims;
using Signal.Api.Auth;

namespace Signal.UnitTests.Api;

public sealed class SignalClaimsTests
{
    [Theory]
    [InlineData(true, "signal.processor")]
    [InlineData(true, "read signal.processor write")]
    [InlineData(true, "read  signal.processor")]
    [InlineData(true, "read", "signal.processor")]
    [InlineData(false, "signal.processors")]
    [InlineData(false, "signal processor")]
    [InlineData(false, "read write")]
    [InlineData(false, "")]
    [InlineData(false)]
    public void HasProcessorScope_FindsTheProcessorsScopeAmongSpaceSeparatedScopesInAnyScopeClaim(bool expected, params string[] scopes)
    {
        var claims = scopes.Select(s => new Claim(SignalClaims.Scope, s)).Append(new Claim(SignalClaims.Subject, "signal.processor"));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));

        SignalClaims.HasProcessorScope(principal).Should().Be(expected);
    }
}
