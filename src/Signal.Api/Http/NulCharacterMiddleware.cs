using Signal.Application.Common.Errors;

namespace Signal.Api.Http;

/// <summary>
/// Refuses a query string holding the NUL character (%00) with a 400 naming the parameter: PostgreSQL cannot store NUL
/// in text, so such a value could only fail later, deep inside a query. (Kestrel refuses %00 in a path itself; JSON
/// strings are refused by <see cref="NulFreeStringConverter"/>, with their JSON path.)
/// </summary>
public sealed class NulCharacterMiddleware(RequestDelegate next)
{
    public const string Message = "must not contain the NUL character (\\u0000)";

    public Task InvokeAsync(HttpContext context)
    {
        // A NUL can only arrive percent-encoded; the raw text is checked first so that the query is not parsed for
        // every request (the processor feed's 304 is the hottest path).
        if (context.Request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) != true)
        {
            return next(context);
        }

        foreach (var (name, values) in context.Request.Query)
        {
            if (name.Contains('\0', StringComparison.Ordinal) || values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            {
                throw ValidationFailedException.For(name.Replace("\0", string.Empty, StringComparison.Ordinal), Message);
            }
        }

        return next(context);
    }
}
