using System.Security.Claims;

namespace Signal.Api.Auth;

/// <summary>A validated token's principal with its <see cref="SignalCaller"/> parsed once, beside the same identities.</summary>
public sealed class SignalPrincipal(ClaimsPrincipal validated) : ClaimsPrincipal(validated.Identities)
{
    public SignalCaller Caller { get; } = SignalCaller.Parse(validated);
}
