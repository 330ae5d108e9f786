using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Signal.Api.Auth;

/// <summary>
/// The framework's JWT bearer handler, answering a token it validated before from <see cref="ValidatedTokenCache"/>:
/// no header parsing, validation parameters, claims or events per request for a token already known good.
/// </summary>
public sealed class RememberingJwtBearerHandler(
    IOptionsMonitor<JwtBearerOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ValidatedTokenCache validated) : JwtBearerHandler(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization;
        if (authorization.Count == 1 && validated.TryGet(authorization[0]!, out var remembered))
        {
            return AuthenticateResult.Success(remembered);
        }

        var result = await base.HandleAuthenticateAsync();
        if (result.Succeeded && authorization.Count == 1)
        {
            validated.Remember(authorization[0]!, result.Ticket);
        }

        return result;
    }
}
