using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Signal.Api.Auth;

/// <summary>
/// The framework's JWT bearer handler, answering a token it validated before from <see cref="ValidatedTokenCache"/>:
/// no header parsing, validation parameters, claims or events per request for a token already known good. (The
/// token-validated event makes its principal a <see cref="SignalPrincipal"/>, so its caller is parsed once as well.)
/// </summary>
public sealed class RememberingJwtBearerHandler(
    IOptionsMonitor<JwtBearerOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ValidatedTokenCache validated) : JwtBearerHandler(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization;
        return authorization.Count == 1 && validated.TryGet(authorization[0]!, out var remembered)
            ? remembered
            : ValidateAsync(authorization.Count == 1 ? authorization[0] : null);
    }

    private async Task<AuthenticateResult> ValidateAsync(string? authorization)
    {
        var result = await base.HandleAuthenticateAsync();
        if (result.Succeeded && authorization is not null)
        {
            validated.Remember(authorization, result.Ticket);
        }

        return result;
    }
}
