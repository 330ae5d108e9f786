using Microsoft.AspNetCore.Authorization;

namespace Signal.Api.Auth;

/// <summary>Met by the event processor's service tokens (scope <c>signal.processor</c>); user tokens never are.</summary>
public sealed class ProcessorScopeRequirement : IAuthorizationRequirement, IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (SignalCaller.Of(context.User) is { IsAuthenticated: true, IsProcessor: true })
        {
            context.Succeed(this);
        }

        return Task.CompletedTask;
    }
}
