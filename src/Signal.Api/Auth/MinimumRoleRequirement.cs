using Microsoft.AspNetCore.Authorization;
using Signal.Domain.Common;

namespace Signal.Api.Auth;

/// <summary>Met by a user token of an organisation whose <c>role</c> is <see cref="Minimum"/> or above.</summary>
public sealed class MinimumRoleRequirement(Role minimum) : IAuthorizationRequirement
{
    public Role Minimum { get; } = minimum;
}

public sealed class MinimumRoleRequirementHandler : AuthorizationHandler<MinimumRoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MinimumRoleRequirement requirement)
    {
        var user = context.User;
        // Service tokens carry a role claim only by mistake; they are never users of an organisation.
        if (user.HasClaim(c => c.Type == SignalClaims.OrgId) && !SignalClaims.HasProcessorScope(user)
            && WireNames.TryParse<Role>(user.FindFirst(SignalClaims.Role)?.Value, out var role)
            && role >= requirement.Minimum)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
