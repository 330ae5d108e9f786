using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;
using Signal.Domain.Common;

namespace Signal.Api.Auth;

/// <summary>Answers a forbidden request with a problem that names the role the operation needs.</summary>
public sealed class ForbiddenProblemResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(
        RequestDelegate next,
        HttpContext context,
        AuthorizationPolicy policy,
        PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var required = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<MinimumRoleRequirement>().FirstOrDefault();
        var caller = SignalCaller.Of(context.User);
        var role = caller.Role;
        var detail = required switch
        {
            null => "Your token does not allow this operation.",
            _ when role is null => $"This operation needs a user token with the {WireNames.Of(required.Minimum)} role or above.",
            _ when !caller.HasKnownRole =>
                $"The role '{role}' in your token is not one of viewer, editor, admin, owner.",
            _ => $"This operation needs the {WireNames.Of(required.Minimum)} role or above; your token has {role}.",
        };

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status403Forbidden, Detail = detail },
        });
    }
}
