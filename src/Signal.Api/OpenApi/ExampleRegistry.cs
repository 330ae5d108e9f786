using Signal.Api.Errors;
using Signal.Application.Catalog;
using Signal.Application.Catalog.ListVendors;
using Signal.Application.Common.Abstractions;

namespace Signal.Api.OpenApi;

/// <summary>
/// Examples shown in the OpenAPI document, by response type and status. Built from real objects (the shipped catalog),
/// so an example never drifts from what the API returns.
/// </summary>
public sealed class ExampleRegistry(IIntegrationCatalog catalog)
{
    public object? Find(Type type, int status)
    {
        if (type == typeof(ApiProblem))
        {
            return Problem(status);
        }

        var vendor = catalog.Find("meta_capi")!.ToResponse();
        return type switch
        {
            _ when type == typeof(VendorResponse) => vendor,
            _ when type == typeof(ListVendorsResponse) => new ListVendorsResponse(
                [vendor], 1, Enum.GetValues<Domain.Catalog.VendorCategory>()),
            _ => null,
        };
    }

    private static ApiProblem? Problem(int status) => status switch
    {
        400 => Problem(400, "Bad Request", "validation_failed", "One or more fields are invalid; see errors for what to fix.",
            new Dictionary<string, string[]> { ["category"] = ["must be one of: advertising, analytics, attribution, cdp, cloud_storage, other"] }),
        401 => Problem(401, "Unauthorized", "unauthorized", "The bearer token has expired; get a new one."),
        403 => Problem(403, "Forbidden", "forbidden", "This operation needs the editor role or above; your token has viewer."),
        404 => Problem(404, "Not Found", "not_found", "Catalog vendor 'acme' was not found."),
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
        Instance = "/v1/admin/integration-catalog",
        Code = code,
        TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
        Errors = errors ?? [],
    };
}
