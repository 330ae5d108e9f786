using Microsoft.AspNetCore.Authorization;

namespace Signal.Api.Auth;

/// <summary>
/// Met by a user token of an organisation whose <c>role</c> is <see cref="Minimum"/> or above; never by a service token
/// or an anonymous caller. The requirement is its own handler (the framework's pass-through handler runs it), so
/// authorising a request walks no list of handlers.
/// </summary>
public sealed class MinimumRoleRequirement(Role minimum) : IAuthorizationRequirement, IAuthorizationHandler
{
    public Role Minimum { get; } = minimum;

    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (SignalCaller.Of(context.User).HasRole(Minimum))
        {
            context.Succeed(this);
        }

        return Task.CompletedTask;
    }
}
