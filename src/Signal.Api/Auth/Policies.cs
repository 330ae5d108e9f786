using Microsoft.AspNetCore.Authorization;
using Signal.Domain.Common;

namespace Signal.Api.Auth;

/// <summary>Authorisation policy names: the minimum role an endpoint needs.</summary>
public static class Policies
{
    public const string Viewer = "viewer";
    public const string Editor = "editor";
    public const string Admin = "admin";
    public const string Owner = "owner";

    /// <summary>The event processor's service tokens (scope <c>signal.processor</c>); user tokens never pass.</summary>
    public const string Processor = "processor";

    public static void AddRolePolicies(this AuthorizationOptions options)
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            options.AddPolicy(WireNames.Of(role), policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new MinimumRoleRequirement(role)));
        }

        options.AddPolicy(Processor, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context => SignalClaims.HasProcessorScope(context.User)));

        // Default deny: an endpoint that names no policy still needs an authenticated caller.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
