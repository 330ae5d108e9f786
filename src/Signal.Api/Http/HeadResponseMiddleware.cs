namespace Signal.Api.Http;

/// <summary>
/// A HEAD request is answered as its GET would be, without the body. Kestrel already drops it; doing it here makes every
/// host (the test server included) behave alike, while the headers (Content-Length, ETag) stay those of the GET.
/// </summary>
public sealed class HeadResponseMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Body = Stream.Null;
        }

        return next(context);
    }
}
