namespace Signal.Api.Errors;

/// <summary>
/// Every error response (RFC 9457 <c>application/problem+json</c>). Documents the shape for the OpenAPI document;
/// responses are written as <see cref="Microsoft.AspNetCore.Mvc.ProblemDetails"/> with the same fields.
/// </summary>
public sealed class ApiProblem
{
    /// <summary>A URI identifying the problem type.</summary>
    public required string Type { get; init; }

    /// <summary>Short summary of the problem type (the HTTP reason phrase).</summary>
    public required string Title { get; init; }

    /// <summary>The HTTP status code.</summary>
    public required int Status { get; init; }

    /// <summary>What went wrong and what to do about it.</summary>
    public required string Detail { get; init; }

    /// <summary>The request path.</summary>
    public required string Instance { get; init; }

    /// <summary>Stable machine-readable code, e.g. <c>validation_failed</c>, <c>not_found</c>, <c>name_conflict</c>.</summary>
    public required string Code { get; init; }

    /// <summary>Identifier of the request in the server's logs and traces.</summary>
    public required string TraceId { get; init; }

    /// <summary>Per-field messages keyed by snake_case JSON path (<c>config.pixel_id</c>); empty unless validation failed.</summary>
    public required IReadOnlyDictionary<string, string[]> Errors { get; init; }
}
