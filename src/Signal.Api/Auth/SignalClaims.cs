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
    public static bool HasProcessorScope(System.Security.Claims.ClaimsPrincipal principal)
    {
        // Every processor request asks this (the feed's 304 among them), so the scopes are looked at where they are
        // rather than split into new strings.
        foreach (var claim in principal.Claims)
        {
            if (!string.Equals(claim.Type, Scope, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var scopes = claim.Value.AsSpan();
            foreach (var scope in scopes.Split(' '))
            {
                if (scopes[scope].SequenceEqual(ProcessorScope))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
