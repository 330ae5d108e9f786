using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Signal.Api.Auth;

/// <summary>
/// The framework's JWT bearer handler, answering a token it validated before from <see cref="ValidatedTokenCache"/>:
/// no header parsing, validation parameters, claims or events per request for a token already known good. A validated
/// token's principal becomes a <see cref="SignalPrincipal"/>, its caller parsed once for every request that presents it.
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
        if (!result.Succeeded)
        {
            return result;
        }

        var ticket = new AuthenticationTicket(new SignalPrincipal(result.Principal), result.Properties, result.Ticket.AuthenticationScheme);
        if (authorization is not null)
        {
            validated.Remember(authorization, ticket);
        }

        return AuthenticateResult.Success(ticket);
    }
}
