using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;

namespace Signal.Api.Http;

/// <summary>
/// Gives every successful GET (and HEAD) a strong ETag and answers a matching <c>If-None-Match</c> with 304 and no body.
/// The body is serialised once and written as it was hashed.
/// </summary>
public sealed class ETagFilter(JsonEntityTags entityTags) : IAsyncAlwaysRunResultFilter
{
    public Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        var http = context.HttpContext;
        // An action that sets its own ETag (the processor feed's version) keeps it.
        if ((HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && !http.Response.Headers.ContainsKey(HeaderNames.ETag)
            && context.Result is ObjectResult { Value: { } value, StatusCode: null or StatusCodes.Status200OK } result
            && value is not ProblemDetails)
        {
            var (body, etag) = entityTags.Tag(value, result.DeclaredType ?? value.GetType());
            http.Response.Headers.ETag = etag.ToString();
            context.Result = JsonEntityTags.AnyMatches(http.Request.Headers.IfNoneMatch, etag, useStrongComparison: false)
                ? new StatusCodeResult(StatusCodes.Status304NotModified)
                : new SerializedJsonResult(body);
        }

        return next();
    }
}
