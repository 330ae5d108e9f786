using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Signal.Api.Auth;
using Signal.Api.Errors;
using Signal.Api.Http;
using Signal.Application.Common.Paging;
using Signal.Application.Delivery.ListDeliveryHealth;
using Signal.Domain.Delivery;

namespace Signal.Api.Controllers;

/// <summary>How each pipeline integration's deliveries go, as the event processors report them.</summary>
[ApiController]
[Route("v1/admin/delivery-health")]
[Authorize(Policy = Policies.Viewer)]
public sealed class DeliveryHealthController(ISender sender) : ControllerBase
{
    /// <summary>List delivery health</summary>
    /// <remarks>
    /// The organisation's pipeline integrations with their status over the last window, worst first (failing,
    /// degraded, unknown, healthy; then the highest failure rate; then id): what a dashboard polls.
    /// </remarks>
    /// <param name="status">Only this status: healthy, degraded, failing or unknown.</param>
    /// <param name="pipelineId">Only this pipeline's integrations (pip_…).</param>
    /// <param name="integrationId">Only this template's pipeline integrations (tmpl_…).</param>
    /// <param name="limit">Items per page, 1..100.</param>
    /// <param name="offset">Items to skip.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpGet]
    [ProducesResponseType<ListDeliveryHealthResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, MediaTypes.Problem)]
    public async Task<ListDeliveryHealthResponse> List(
        [FromQuery] DeliveryStatus? status,
        [FromQuery(Name = "pipeline_id")] string? pipelineId,
        [FromQuery(Name = "integration_id")] string? integrationId,
        CancellationToken cancellationToken,
        [FromQuery] int limit = PagingRules.DefaultLimit,
        [FromQuery] int offset = 0) =>
        await sender.Send(new ListDeliveryHealthQuery(status, pipelineId, integrationId, limit, offset), cancellationToken);
}
