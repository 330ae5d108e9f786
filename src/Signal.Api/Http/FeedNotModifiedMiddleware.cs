using Microsoft.Net.Http.Headers;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Telemetry;

namespace Signal.Api.Http;

/// <summary>
/// Answers the processor feed's conditional poll before MVC runs: when the caller's <c>If-None-Match</c> names the version
/// this instance holds in memory, the answer is 304 with no SQL and almost no allocation. Runs after authorisation, so
/// only a caller allowed to read the feed learns that it is unchanged.
/// </summary>
public sealed class FeedNotModifiedMiddleware(RequestDelegate next, IFeedVersion feedVersion, SignalMetrics metrics)
{
    public const string FeedPath = "/v1/processor/config";

    public Task InvokeAsync(HttpContext context)
    {
        if ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            && context.Request.Path.Equals(FeedPath, StringComparison.OrdinalIgnoreCase)
            && feedVersion.Current is { } current
            && context.Request.Headers.IfNoneMatch.Count > 0)
        {
            var etag = ETagOf(current);
            if (JsonEntityTags.AnyMatches(context.Request.Headers.IfNoneMatch, etag, useStrongComparison: false))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                context.Response.Headers.ETag = etag.ToString();
                metrics.FeedNotModified();
                return Task.CompletedTask;
            }
        }

        return next(context);
    }

    public static EntityTagHeaderValue ETagOf(long version) => new($"\"v{version}\"");
}
