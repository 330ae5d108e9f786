namespace Signal.Api.Http;

/// <summary>
/// Answers the feed's conditional poll before MVC runs, for every caller the pipeline before it let through:
/// after authentication, authorisation and the rate limiter, so only a caller allowed to read the feed learns that it
/// is unchanged. (Most polls never get here: <see cref="FeedPollShortcutMiddleware"/> answers them earlier.)
/// </summary>
public sealed class FeedNotModifiedMiddleware(RequestDelegate next, FeedNotModified feed)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (feed.UnchangedTagFor(context.Request) is { } etag)
        {
            feed.Answer(context, etag);
            return Task.CompletedTask;
        }

        return next(context);
    }
}
