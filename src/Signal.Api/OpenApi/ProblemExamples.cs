using Signal.Api.Errors;

namespace Signal.Api.OpenApi;

/// <summary>One example problem per status the API documents.</summary>
public static class ProblemExamples
{
    public static ApiProblem? For(int status) => status switch
    {
        400 => Problem(400, "Bad Request", "validation_failed", "One or more fields are invalid; see errors for what to fix.",
            new Dictionary<string, string[]> { ["config.pixel_id"] = ["is required"] }),
        401 => Problem(401, "Unauthorized", "unauthorized", "The bearer token has expired; get a new one."),
        403 => Problem(403, "Forbidden", "forbidden", "This operation needs the editor role or above; your token has viewer."),
        404 => Problem(404, "Not Found", "not_found", "Integration template 'tmpl_abc123' was not found."),
        409 => Problem(409, "Conflict", "name_conflict",
            "An integration template named 'Meta CAPI Production' already exists in this organisation; choose another name."),
        412 => Problem(412, "Precondition Failed", "precondition_failed",
            "The integration template has changed since you read it; GET it again and retry with the new ETag."),
        500 => Problem(500, "Internal Server Error", "internal_error", "An unexpected error occurred; quote the trace_id when you report it."),
        503 => Problem(503, "Service Unavailable", ProblemDefaults.DatabaseUnavailableCode, "The database is unavailable; retry in a few seconds."),
        _ => null,
    };

    private static ApiProblem Problem(int status, string title, string code, string detail, Dictionary<string, string[]>? errors = null) => new()
    {
        Type = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
        Title = title,
        Status = status,
        Detail = detail,
        Instance = "/v1/admin/integration-templates/tmpl_abc123",
        Code = code,
        TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
        Errors = errors ?? [],
    };
}
