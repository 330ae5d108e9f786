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

    // The tag of the version held in memory, made once per version rather than once per poll.
    private VersionTag _tag = VersionTag.Of(-1);

    public Task InvokeAsync(HttpContext context)
    {
        if ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            && context.Request.Path.Equals(FeedPath, StringComparison.OrdinalIgnoreCase)
            && feedVersion.Current is { } current
            && context.Request.Headers.IfNoneMatch is { Count: > 0 } ifNoneMatch)
        {
            var tag = _tag.Version == current ? _tag : _tag = VersionTag.Of(current);

            if (JsonEntityTags.AnyMatches(ifNoneMatch, tag.ETag, useStrongComparison: false))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                context.Response.Headers.ETag = tag.Text;
                metrics.FeedNotModified();
                return Task.CompletedTask;
            }
        }

        return next(context);
    }

    public static EntityTagHeaderValue ETagOf(long version) => new($"\"v{version}\"");

    private sealed record VersionTag(long Version, EntityTagHeaderValue ETag, string Text)
    {
        public static VersionTag Of(long version)
        {
            var etag = ETagOf(version);
            return new VersionTag(version, etag, etag.ToString());
        }
    }
}
