using Microsoft.AspNetCore.Mvc;

namespace Signal.Api.Http;

/// <summary>
/// A JSON body serialised ahead (by <see cref="ETagFilter"/>, which hashed those bytes), written as it is: no formatter,
/// and none of a file result's range and precondition handling, which the filter has already done for an ETag.
/// </summary>
public sealed class SerializedJsonResult(byte[] body) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = MediaTypes.JsonUtf8;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body).AsTask();
    }
}
