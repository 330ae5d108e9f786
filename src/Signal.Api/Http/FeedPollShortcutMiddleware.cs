using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Signal.Api.Auth;

namespace Signal.Api.Http;

/// <summary>
/// The hottest request of the API — every processor asks every few seconds whether the feed changed, and almost always
/// hears 304 — answered before routing, authentication and authorisation run, when the decision each of them would take
/// is already known: the bearer token is one this instance validated before (<see cref="ValidatedTokenCache"/>, until
/// it expires), its caller meets the feed's policy (<see cref="ProcessorScopeRequirement"/>), and the caller's rate
/// limit grants the request (the same limiter, so these polls count as before). Anything else — an unknown or user
/// token, a refused permit, a browser's request with <c>Origin</c> (CORS adds its headers on the full path), a version
/// this instance has not got — takes the full path, which gives the same answer or the error the caller should see.
/// </summary>
public sealed class FeedPollShortcutMiddleware(
    RequestDelegate next,
    FeedNotModified feed,
    ValidatedTokenCache validatedTokens,
    IOptions<RateLimiterOptions> rateLimiting)
{
    // The route the feed's controller action has, so that request metrics name it as they do on the full path.
    private static readonly KeyValuePair<string, object?> Route = new("http.route", FeedNotModified.FeedPath.TrimStart('/'));
    private readonly PartitionedRateLimiter<HttpContext>? _limiter = rateLimiting.Value.GlobalLimiter;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (feed.UnchangedTagFor(request) is not { } etag
            || request.Headers.Origin.Count > 0
            || request.Headers.Authorization is not { Count: 1 } authorization
            || !validatedTokens.TryGet(authorization[0]!, out var remembered)
            || remembered.Result.Principal is not SignalPrincipal principal
            || !ProcessorScopeRequirement.IsMetBy(principal.Caller))
        {
            return next(context);
        }

        context.User = principal;
        using var lease = _limiter?.AttemptAcquire(context);
        if (lease is { IsAcquired: false })
        {
            return next(context);
        }

        context.Features.Get<IHttpMetricsTagsFeature>()?.Tags.Add(Route);
        feed.Answer(context, etag);
        return Task.CompletedTask;
    }
}
