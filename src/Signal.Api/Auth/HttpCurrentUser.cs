using Signal.Application.Common.Abstractions;

namespace Signal.Api.Auth;

/// <summary>The caller of the current request, from the validated token (authorisation has required both claims).</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public string OrgId => Claim(SignalClaims.OrgId);

    public string UserId => Claim(SignalClaims.Subject);

    private string Claim(string type) =>
        accessor.HttpContext?.User.FindFirst(type)?.Value
        ?? throw new InvalidOperationException($"The request has no '{type}' claim; is the endpoint missing its policy?");
}
