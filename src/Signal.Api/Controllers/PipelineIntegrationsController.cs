using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Signal.Api.Auth;
using Signal.Api.Contracts.PipelineIntegrations;
using Signal.Api.Errors;
using Signal.Api.Http;
using Signal.Application.PipelineIntegrations;
using Signal.Application.PipelineIntegrations.AssignIntegration;
using Signal.Application.PipelineIntegrations.GetPipelineIntegration;
using Signal.Application.PipelineIntegrations.ListPipelineIntegrations;
using Signal.Application.PipelineIntegrations.RemovePipelineIntegration;
using Signal.Application.PipelineIntegrations.UpdatePipelineIntegration;

namespace Signal.Api.Controllers;

/// <summary>Templates assigned to a pipeline, each pinned at one revision.</summary>
[ApiController]
[Route("v1/admin/pipelines/{id}/integrations")]
[Authorize(Policy = Policies.Viewer)]
public sealed class PipelineIntegrationsController(ISender sender) : ControllerBase
{
    /// <summary>List a pipeline's integrations</summary>
    /// <remarks>In assignment order, each with the revision it is pinned to and its delivery status.</remarks>
    /// <param name="id">The pipeline id (pip_…).</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpGet]
    [ProducesResponseType<ListAssignmentsResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    public async Task<ListAssignmentsResponse> List(string id, CancellationToken cancellationToken) =>
        await sender.Send(new ListPipelineIntegrationsQuery(id), cancellationToken);

    /// <summary>Assign a template to a pipeline</summary>
    /// <remarks>Pinned at `revision_id` or `revision_number`, or the latest revision when neither is given. One assignment per template.</remarks>
    /// <param name="id">The pipeline id (pip_…).</param>
    /// <param name="request">The template, the revision and whether it is enabled.</param>
    /// <param name="idempotencyKey">Optional, up to 255 characters: a retry with the same key within 24 h gets the first response again instead of a second effect.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpPost]
    [Authorize(Policy = Policies.Editor)]
    [ProducesResponseType<PipelineIntegrationResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status409Conflict, MediaTypes.Problem)]
    public async Task<ActionResult<PipelineIntegrationResponse>> Assign(
        string id, AssignIntegrationRequest request, [FromHeader(Name = RequestHeaders.IdempotencyKey)] string? idempotencyKey, CancellationToken cancellationToken)
    {
        var assignment = await sender.Send(
            new AssignIntegrationCommand(id, request.IntegrationId, request.RevisionId, request.RevisionNumber, request.Enabled, idempotencyKey), cancellationToken);
        return CreatedAtAction(nameof(Get), new { id, piId = assignment.Id }, assignment);
    }

    /// <summary>Get a pipeline integration</summary>
    /// <remarks>The assignment with its pinned revision, enabled flag and delivery status. ETag for `If-Match` on update.</remarks>
    /// <param name="id">The pipeline id (pip_…).</param>
    /// <param name="piId">The assignment id (pi_…).</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpGet("{piId}")]
    [ProducesResponseType<PipelineIntegrationResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    public async Task<PipelineIntegrationResponse> Get(string id, string piId, CancellationToken cancellationToken) =>
        await sender.Send(new GetPipelineIntegrationQuery(id, piId), cancellationToken);

    /// <summary>Deploy, roll back or pause a pipeline integration</summary>
    /// <remarks>Pin another revision of the template (newer: deploy; older: roll back) and/or set `enabled`. While a rollout owns the pipeline integration, another revision is refused with 409 `assignment_in_rollout`.</remarks>
    /// <param name="id">The pipeline id (pip_…).</param>
    /// <param name="piId">The assignment id (pi_…).</param>
    /// <param name="request">The revision to pin and/or enabled.</param>
    /// <param name="ifMatch">The ETag the change is based on.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpPut("{piId}")]
    [Authorize(Policy = Policies.Editor)]
    [ProducesResponseType<PipelineIntegrationResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status409Conflict, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status412PreconditionFailed, MediaTypes.Problem)]
    public async Task<PipelineIntegrationResponse> Update(
        string id, string piId, UpdateAssignmentRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken cancellationToken) =>
        await sender.Send(new UpdatePipelineIntegrationCommand(id, piId, request.RevisionId, request.RevisionNumber, request.Enabled, ifMatch), cancellationToken);

    /// <summary>Remove a template from a pipeline</summary>
    /// <remarks>Send the ETag of your last GET in `If-Match` to remove only what you saw (412 when it changed meanwhile).</remarks>
    /// <param name="id">The pipeline id (pip_…).</param>
    /// <param name="piId">The assignment id (pi_…).</param>
    /// <param name="ifMatch">The ETag the removal is based on.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpDelete("{piId}")]
    [Authorize(Policy = Policies.Editor)]
    [ProducesResponseType<RemoveAssignmentResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status412PreconditionFailed, MediaTypes.Problem)]
    public async Task<RemoveAssignmentResponse> Remove(
        string id, string piId, [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken cancellationToken) =>
        await sender.Send(new RemovePipelineIntegrationCommand(id, piId, ifMatch), cancellationToken);
}
