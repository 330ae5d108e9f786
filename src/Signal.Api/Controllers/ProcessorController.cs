using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Signal.Api.Auth;
using Signal.Api.Contracts.Delivery;
using Signal.Api.Contracts.Processor;
using Signal.Api.Errors;
using Signal.Api.Http;
using Signal.Application.Delivery.ReportDeliveries;
using Signal.Application.Processor.GetFeed;

namespace Signal.Api.Controllers;

/// <summary>
/// What the event processors run (docs/processor-feed.md) and what they report back (docs/delivery-health.md); service
/// tokens with scope signal.processor only.
/// </summary>
[ApiController]
[Route("v1/processor")]
[Authorize(Policy = Policies.Processor)]
public sealed class ProcessorController(ISender sender) : ControllerBase
{
    /// <summary>Get the processor config feed</summary>
    /// <remarks>
    /// Every enabled pipeline with its decrypted key secret and its enabled integrations, configs resolved and decrypted.
    /// The ETag is the version: `If-None-Match` with the current one answers 304 without touching the database.
    /// With `since`, only pipelines changed after that version, and the keys of those disabled or deleted since.
    /// </remarks>
    /// <param name="since">A version an earlier response returned.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpGet("config")]
    [ProducesResponseType<ProcessorFeedResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, MediaTypes.Problem)]
    public async Task<IActionResult> GetConfig([FromQuery] long? since, CancellationToken cancellationToken)
    {
        var feed = await sender.Send(new GetProcessorFeedQuery(since), cancellationToken);
        Response.Headers.ETag = FeedNotModified.ETagOf(feed.Version).ToString();
        return Ok(feed);
    }

    /// <summary>Report deliveries</summary>
    /// <remarks>
    /// Per-window counts of what each pipeline integration delivered and failed, up to 1000 reports a request, windows
    /// of at most an hour. Idempotent per processor, pipeline integration and window start: sending a window again
    /// replaces it, never adds to it. Reports for pipeline integrations that do not exist (or were removed) are ignored
    /// and counted in `ignored`. The statuses of the pipeline integrations follow at once.
    /// </remarks>
    /// <param name="request">The processor and its reports.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpPost("delivery-reports")]
    [ProducesResponseType<ReportDeliveriesResponse>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, MediaTypes.Problem)]
    public async Task<ActionResult<ReportDeliveriesResponse>> ReportDeliveries(DeliveryReportsRequest request, CancellationToken cancellationToken) =>
        Accepted(await sender.Send(new ReportDeliveriesCommand(request.ProcessorId, request.Reports), cancellationToken));
}
