using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Signal.Api.Auth;

public static class AuthenticationSetup
{
    public static IServiceCollection AddSignalAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var problems = options.FindProblems().ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "Authentication is not configured: " + string.Join("; ", problems)
                + ". scripts/run sets a local signing key; in production set Auth__SigningKey or Auth__Authority.");
        }

        services.AddSingleton(options);
        services.AddSingleton<ValidatedTokenCache>();

        // AddJwtBearer with the remembering handler in place of the framework's own (same options and set-up).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<JwtBearerOptions>, JwtBearerPostConfigureOptions>());
        services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<JwtBearerOptions, RememberingJwtBearerHandler>(JwtBearerDefaults.AuthenticationScheme, jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ClockSkew = ValidatedTokenCache.ClockSkew,
                    NameClaimType = SignalClaims.Subject,
                    RoleClaimType = SignalClaims.Role,
                };
                if (options.Authority is { Length: > 0 } authority)
                {
                    jwt.Authority = authority;
                    jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256];
                }
                else
                {
                    jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
                    jwt.TokenValidationParameters.IssuerSigningKey =
                        new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey!));
                }

                jwt.Events = new JwtBearerEvents
                {
                    OnTokenValidated = AcceptTenantOrService,
                    OnChallenge = WriteUnauthorizedProblem,
                };
            });

        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ForbiddenProblemResultHandler>();
        services.AddAuthorization(authorization => authorization.AddRolePolicies());
        return services;
    }

    // A user token must name its organisation; only service tokens (scope signal.processor) may omit it. The caller is
    // parsed here, once per token: the principal that authenticates this and every later request with it carries it.
    private static Task AcceptTenantOrService(TokenValidatedContext context)
    {
        var principal = new SignalPrincipal(context.Principal!);
        if (!principal.Caller.IsProcessor && string.IsNullOrWhiteSpace(principal.Caller.OrgId))
        {
            context.Fail(new SecurityTokenValidationException("The token has no org_id claim; user tokens must name their organisation."));
            return Task.CompletedTask;
        }

        context.Principal = principal;
        return Task.CompletedTask;
    }

    private static async Task WriteUnauthorizedProblem(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var failure = context.AuthenticateFailure;
        var detail = failure switch
        {
            null => "Send a valid bearer token: Authorization: Bearer <token>.",
            SecurityTokenExpiredException => "The bearer token has expired; get a new one.",
            SecurityTokenNotYetValidException => "The bearer token is not valid yet (nbf is in the future).",
            SecurityTokenInvalidIssuerException => "The bearer token was issued by an issuer this API does not trust.",
            SecurityTokenInvalidAudienceException => "The bearer token is meant for another audience.",
            SecurityTokenInvalidAlgorithmException => "The bearer token is signed with an algorithm this API does not accept.",
            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException =>
                "The bearer token's signature is not valid.",
            SecurityTokenValidationException when failure.Message.Contains("org_id", StringComparison.Ordinal) => failure.Message,
            _ => "The bearer token is not valid.",
        };

        var response = context.Response;
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.WWWAuthenticate = failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Detail = detail },
        });
    }
}
