namespace Signal.Api.Auth;

/// <summary>The claims Signal reads from a bearer token (SPEC §4).</summary>
public static class SignalClaims
{
    public const string Subject = "sub";
    public const string OrgId = "org_id";
    public const string Role = "role";
    public const string Scope = "scope";

    /// <summary>Scope of the event processor's service tokens; such tokens carry no <c>org_id</c>.</summary>
    public const string ProcessorScope = "signal.processor";
}
