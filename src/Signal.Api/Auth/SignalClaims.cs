namespace Signal.Api.Auth;

/// <summary>The claims Signal reads from a bearer token (docs/authentication.md).</summary>
public static class SignalClaims
{
    public const string Subject = "sub";
    public const string OrgId = "org_id";
    public const string Role = "role";
    public const string Scope = "scope";

    /// <summary>Scope of the event processor's service tokens; such tokens carry no <c>org_id</c>.</summary>
    public const string ProcessorScope = "signal.processor";

    /// <summary>Whether the token's <c>scope</c> (space-separated, possibly in several claims) includes the processor's.</summary>
    /// <remarks>Asked once per token, when its caller is parsed (<see cref="SignalCaller"/>), not once per request.</remarks>
    public static bool HasProcessorScope(System.Security.Claims.ClaimsPrincipal principal) =>
        principal.FindAll(Scope)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Contains(ProcessorScope, StringComparer.Ordinal);
}
