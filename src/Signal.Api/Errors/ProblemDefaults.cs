using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Signal.Api.Http;

namespace Signal.Api.Errors;

/// <summary>
/// Completes every problem the service writes — its own and the framework's (401, 404, 405, 415 …) — so that all carry
/// the same fields: a <c>code</c>, a <c>detail</c>, the <c>instance</c> path, the <c>trace_id</c> and <c>errors</c>.
/// </summary>
public static class ProblemDefaults
{
    public const string DatabaseUnavailableCode = "database_unavailable";

    public static void Complete(HttpContext httpContext, ProblemDetails problem)
    {
        var status = problem.Status ??= httpContext.Response.StatusCode;
        problem.Type = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}";
        problem.Title ??= ReasonPhrases.GetReasonPhrase(status);
        problem.Detail ??= DefaultDetail(httpContext, status);
        problem.Instance ??= httpContext.Request.Path;
        problem.Extensions.TryAdd("code", DefaultCode(status));
        problem.Extensions.Remove("traceId");
        problem.Extensions["trace_id"] = Activity.Current?.TraceId.ToString() ?? httpContext.TraceIdentifier;
        problem.Extensions.TryAdd("errors", new Dictionary<string, string[]>());
    }

    /// <summary>Completes <paramref name="problem"/> and wraps it as an MVC result with the problem+json media type.</summary>
    public static ObjectResult ToResult(HttpContext httpContext, ProblemDetails problem)
    {
        Complete(httpContext, problem);
        return new ObjectResult(problem) { StatusCode = problem.Status, ContentTypes = { MediaTypes.Problem } };
    }

    private static string DefaultCode(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        406 => "not_acceptable",
        409 => "conflict",
        412 => "precondition_failed",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        422 => "unprocessable",
        429 => "rate_limited",
        503 => "service_unavailable",
        _ when status >= 500 => "internal_error",
        _ => "client_error",
    };

    private static string DefaultDetail(HttpContext httpContext, int status) => status switch
    {
        401 => "Send a valid bearer token: Authorization: Bearer <token>.",
        403 => "Your token does not allow this operation.",
        404 => $"Nothing exists at {httpContext.Request.Path}.",
        405 => $"{httpContext.Request.Method} is not supported on {httpContext.Request.Path}.",
        406 => "This API only produces application/json.",
        413 => $"The request body is larger than {RequestLimits.MaxBodyBytes} bytes.",
        415 => "Send the body as application/json.",
        _ => ReasonPhrases.GetReasonPhrase(status),
    };
}
