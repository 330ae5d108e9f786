using Microsoft.AspNetCore.Http.Features;

namespace Signal.Api.Http;

/// <summary>
/// Refuses a body larger than <see cref="RequestLimits.MaxBodyBytes"/> with 413 before anything reads it. A declared
/// Content-Length is checked here; a chunked body is cut off by the server's own limit while it is read.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > RequestLimits.MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = RequestLimits.MaxBodyBytes;
        }

        return next(context);
    }
}
