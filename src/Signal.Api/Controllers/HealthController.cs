using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Signal.Api.Errors;
using Signal.Api.Http;
using Signal.Application.Common.Abstractions;

namespace Signal.Api.Controllers;

/// <summary>Probes for orchestrators and load balancers; no token needed.</summary>
[ApiController]
[Route("health")]
[AllowAnonymous]
public sealed class HealthController(IDatabaseHealth databaseHealth) : ControllerBase
{
    /// <summary>Liveness</summary>
    /// <remarks>200 while the process runs, whatever the state of the database.</remarks>
    [HttpGet("live")]
    [ProducesResponseType<HealthResponse>(StatusCodes.Status200OK)]
    public HealthResponse Live() => new("live");

    /// <summary>Readiness</summary>
    /// <remarks>200 when the database answers and the schema is migrated; 503 problem otherwise.</remarks>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpGet("ready")]
    [ProducesResponseType<HealthResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status503ServiceUnavailable, MediaTypes.Problem)]
    public async Task<IActionResult> Ready(CancellationToken cancellationToken)
    {
        if (await databaseHealth.IsReadyAsync(cancellationToken))
        {
            return Ok(new HealthResponse("ready"));
        }

        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Detail = "The database is unreachable or its schema is not migrated yet.",
            Extensions = { ["code"] = ProblemDefaults.DatabaseUnavailableCode },
        };
        return ProblemDefaults.ToResult(HttpContext, problem);
    }
}

/// <summary>A probe's answer.</summary>
/// <param name="Status"><c>live</c> or <c>ready</c>.</param>
public sealed record HealthResponse(string Status);
