using Microsoft.Net.Http.Headers;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Telemetry;

namespace Signal.Api.Http;

/// <summary>
/// The processor feed's conditional poll answered from memory: when the caller's <c>If-None-Match</c> names the version
/// this instance holds, the answer is 304 with no SQL and almost no allocation. Who may hear it is decided by the two
/// middlewares that use it (<see cref="FeedPollShortcutMiddleware"/>, <see cref="FeedNotModifiedMiddleware"/>).
/// </summary>
public sealed class FeedNotModified(IFeedVersion feedVersion, SignalMetrics metrics)
{
    public const string FeedPath = "/v1/processor/config";

    // The tag of the version held in memory, made once per version rather than once per poll.
    private VersionTag _tag = VersionTag.Of(-1);

    public static EntityTagHeaderValue ETagOf(long version) => new($"\"v{version}\"");

    /// <summary>
    /// The tag of the version in memory when <paramref name="request"/> is a conditional GET or HEAD of the feed naming
    /// it; otherwise null.
    /// </summary>
    public string? UnchangedTagFor(HttpRequest request)
    {
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && request.Path.Equals(FeedPath, StringComparison.OrdinalIgnoreCase)
            && feedVersion.Current is { } current
            && request.Headers.IfNoneMatch is { Count: > 0 } ifNoneMatch)
        {
            var tag = _tag.Version == current ? _tag : _tag = VersionTag.Of(current);
            return JsonEntityTags.AnyMatches(ifNoneMatch, tag.ETag, useStrongComparison: false) ? tag.Text : null;
        }

        return null;
    }

    /// <summary>Answers 304 with the tag <see cref="UnchangedTagFor"/> gave (a newer version may be in memory by now).</summary>
    public void Answer(HttpContext context, string etag)
    {
        context.Response.StatusCode = StatusCodes.Status304NotModified;
        context.Response.Headers.ETag = etag;
        metrics.FeedNotModified();
    }

    private sealed record VersionTag(long Version, EntityTagHeaderValue ETag, string Text)
    {
        public static VersionTag Of(long version)
        {
            var etag = ETagOf(version);
            return new VersionTag(version, etag, etag.ToString());
        }
    }
}
