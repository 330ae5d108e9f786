using System.Security.Claims;
using Signal.Domain.Common;

namespace Signal.Api.Auth;

/// <summary>
/// What Signal reads from a validated token — organisation, subject, role, processor scope — parsed once per token.
/// Authorisation, the per-caller limiter, the current user and the audit actor all ask for it on every request; a token
/// remembered by <see cref="ValidatedTokenCache"/> carries it in its <see cref="SignalPrincipal"/>, so none of them walks
/// the claims again.
/// </summary>
public sealed class SignalCaller
{
    /// <summary>A request without a validated token: no organisation, subject, role or scope.</summary>
    public static SignalCaller Anonymous { get; } = new(isAuthenticated: false, null, null, null, isProcessor: false);

    private readonly Role _role;

    private SignalCaller(bool isAuthenticated, string? orgId, string? subject, string? role, bool isProcessor)
    {
        IsAuthenticated = isAuthenticated;
        OrgId = orgId;
        Subject = subject;
        Role = role;
        IsProcessor = isProcessor;
        HasKnownRole = WireNames.TryParse<Role>(role, out var parsed);
        _role = parsed;
    }

    public bool IsAuthenticated { get; }

    public string? OrgId { get; }

    public string? Subject { get; }

    /// <summary>The <c>role</c> claim as the token states it, known or not.</summary>
    public string? Role { get; }

    /// <summary>Whether <see cref="Role"/> is one of viewer, editor, admin, owner.</summary>
    public bool HasKnownRole { get; }

    /// <summary>A service token of the event processor (scope <c>signal.processor</c>).</summary>
    public bool IsProcessor { get; }

    /// <summary>A user of an organisation whose role is <paramref name="minimum"/> or above; service tokens never are.</summary>
    public bool HasRole(Role minimum) => OrgId is not null && !IsProcessor && HasKnownRole && _role >= minimum;

    public static SignalCaller Of(ClaimsPrincipal? user) => user switch
    {
        SignalPrincipal signal => signal.Caller,
        { Identity.IsAuthenticated: true } => Parse(user),
        _ => Anonymous,
    };

    internal static SignalCaller Parse(ClaimsPrincipal user) => new(
        isAuthenticated: true,
        user.FindFirst(SignalClaims.OrgId)?.Value,
        user.FindFirst(SignalClaims.Subject)?.Value,
        user.FindFirst(SignalClaims.Role)?.Value,
        SignalClaims.HasProcessorScope(user));
}
