using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Signal.Api.Http;

/// <summary>
/// Gives every successful GET a strong ETag (a hash of the JSON it returns) and answers a matching
/// <c>If-None-Match</c> with 304 and no body. The body is serialised once and written as it was hashed.
/// </summary>
public sealed class ETagFilter(IOptions<JsonOptions> jsonOptions) : IAsyncAlwaysRunResultFilter
{
    public Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method)
            && context.Result is ObjectResult { Value: { } value, StatusCode: null or StatusCodes.Status200OK } result
            && value is not ProblemDetails)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(
                value, result.DeclaredType ?? value.GetType(), jsonOptions.Value.JsonSerializerOptions);
            var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"");
            http.Response.Headers.ETag = etag.ToString();
            context.Result = Matches(http.Request, etag)
                ? new StatusCodeResult(StatusCodes.Status304NotModified)
                : new FileContentResult(body, "application/json; charset=utf-8");
        }

        return next();
    }

    private static bool Matches(HttpRequest request, EntityTagHeaderValue etag) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var candidates)
        && candidates.Any(c => c.Equals(EntityTagHeaderValue.Any) || c.Compare(etag, useStrongComparison: false));
}
