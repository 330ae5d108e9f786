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
        // Each requirement is met by an authenticated caller only, so the policies need no separate "authenticated"
        // requirement; a request without a valid token still gets 401, as its authentication did not succeed.
        foreach (var role in Enum.GetValues<Role>())
        {
            options.AddPolicy(WireNames.Of(role), policy => policy.AddRequirements(new MinimumRoleRequirement(role)));
        }

        options.AddPolicy(Processor, policy => policy.AddRequirements(new ProcessorScopeRequirement()));

        // Default deny: an endpoint that names no policy still needs an authenticated caller.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
