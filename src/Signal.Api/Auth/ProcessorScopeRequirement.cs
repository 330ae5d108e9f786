using Microsoft.AspNetCore.Authorization;

namespace Signal.Api.Auth;

/// <summary>Met by the event processor's service tokens (scope <c>signal.processor</c>); user tokens never are.</summary>
public sealed class ProcessorScopeRequirement : IAuthorizationRequirement, IAuthorizationHandler
{
    /// <summary>The rule itself, for the one place that decides it before authorisation runs (the feed's 304 shortcut).</summary>
    public static bool IsMetBy(SignalCaller caller) => caller is { IsAuthenticated: true, IsProcessor: true };

    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (IsMetBy(SignalCaller.Of(context.User)))
        {
            context.Succeed(this);
        }

        return Task.CompletedTask;
    }
}
