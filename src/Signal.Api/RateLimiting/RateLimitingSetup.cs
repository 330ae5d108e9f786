using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Signal.Api.Auth;

namespace Signal.Api.RateLimiting;

/// <summary>
/// One fixed window a minute per caller: on <c>/v1/admin</c> per user (organisation and subject), on
/// <c>/v1/processor</c> per service principal. Health, OpenAPI and the docs are not limited. A refused request gets
/// 429 problem+json with <c>Retry-After</c> (the framework's default would be a bare 503).
/// </summary>
public static class RateLimitingSetup
{
    private static readonly PathString Admin = "/v1/admin";
    private static readonly PathString Processor = "/v1/processor";

    public static IServiceCollection AddSignalRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitingOptions.Section).Get<RateLimitingOptions>() ?? new RateLimitingOptions();
        if (limits.AdminPermitsPerMinute < 1 || limits.ProcessorPermitsPerMinute < 1)
        {
            throw new InvalidOperationException("RateLimiting:AdminPermitsPerMinute and RateLimiting:ProcessorPermitsPerMinute must be at least 1.");
        }

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var admin = WindowOf(limits.AdminPermitsPerMinute);
            var processor = WindowOf(limits.ProcessorPermitsPerMinute);
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, (string Kind, string? Org, string? Subject)>(
                context => Partition(context, admin, processor));
            options.OnRejected = WriteTooManyRequestsProblem;
        });
        return services;
    }

    // One factory per kind of caller, made once: the limiter calls it for a new caller only, but a lambda capturing the
    // permits would be allocated on every request.
    private static Func<(string, string?, string?), FixedWindowRateLimiterOptions> WindowOf(int permits)
    {
        var window = new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
        return _ => window;
    }

    private static RateLimitPartition<(string, string?, string?)> Partition(
        HttpContext context,
        Func<(string, string?, string?), FixedWindowRateLimiterOptions> admin,
        Func<(string, string?, string?), FixedWindowRateLimiterOptions> processor)
    {
        var path = context.Request.Path;
        var (kind, window) = path.StartsWithSegments(Admin) ? ("admin", admin)
            : path.StartsWithSegments(Processor) ? ("processor", processor)
            : (null, null);

        // Unauthenticated requests are refused by authorisation before they reach the limiter.
        var caller = SignalCaller.Of(context.User);
        if (kind is null || !caller.IsAuthenticated)
        {
            return RateLimitPartition.GetNoLimiter<(string, string?, string?)>(("none", null, null));
        }

        var key = (kind, caller.OrgId, caller.Subject);
        return RateLimitPartition.GetFixedWindowLimiter(key, window!);
    }

    private static async ValueTask WriteTooManyRequestsProblem(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Detail = $"Too many requests from this token; retry after {seconds} s (see Retry-After).",
            },
        });
    }
}
