using Signal.Application.Common.Abstractions;

namespace Signal.Api.Auth;

/// <summary>The caller of the current request, from the validated token (authorisation has required both claims).</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public string OrgId => SignalCaller.Of(accessor.HttpContext?.User).OrgId ?? Missing(SignalClaims.OrgId);

    public string UserId => SignalCaller.Of(accessor.HttpContext?.User).Subject ?? Missing(SignalClaims.Subject);

    private static string Missing(string claim) =>
        throw new InvalidOperationException($"The request has no '{claim}' claim; is the endpoint missing its policy?");
}
