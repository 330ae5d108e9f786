namespace Signal.Api.Http;

/// <summary>
/// Headers every answer carries, set as the response starts so that error responses (whose headers the exception
/// handler clears) have them too: <c>X-Content-Type-Options: nosniff</c> everywhere, and <c>Cache-Control: no-store</c>
/// on the API under <c>/v1</c>, whose answers are per caller and must not be kept by shared caches or browsers.
/// </summary>
public sealed class ResponseHeadersMiddleware(RequestDelegate next)
{
    public static readonly PathString Api = "/v1";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (http.Request.Path.StartsWithSegments(Api))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
