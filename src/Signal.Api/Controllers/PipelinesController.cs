using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Signal.Api.Auth;
using Signal.Api.Contracts.Pipelines;
using Signal.Api.Errors;
using Signal.Api.Http;
using Signal.Application.Common.Paging;
using Signal.Application.Pipelines;
using Signal.Application.Pipelines.CreatePipeline;
using Signal.Application.Pipelines.DeletePipeline;
using Signal.Application.Pipelines.DownloadCollector;
using Signal.Application.Pipelines.GetCollectorStatus;
using Signal.Application.Pipelines.GetPipeline;
using Signal.Application.Pipelines.GetResolvedConfig;
using Signal.Application.Pipelines.IssueChallengeToken;
using Signal.Application.Pipelines.ListPipelines;
using Signal.Application.Pipelines.RequestCollectorBuild;
using Signal.Application.Pipelines.RotateSecret;
using Signal.Application.Pipelines.UpdatePipeline;
using Signal.Domain.Pipelines;

namespace Signal.Api.Controllers;

/// <summary>Data collection and delivery units: keys and secrets, labels, parameters, challenge tokens, collectors.</summary>
[ApiController]
[Route("v1/admin/pipelines")]
[Authorize(Policy = Policies.Viewer)]
public sealed class PipelinesController(ISender sender) : ControllerBase
{
    /// <summary>List pipelines</summary>
    /// <remarks>Newest first unless `sort` says otherwise. Filters combine; every `label` given must be present. `available_labels` lists all labels in use.</remarks>
    /// <param name="search">Case-insensitive part of the name or slug.</param>
    /// <param name="type">web, app or server.</param>
    /// <param name="label">A label the pipeline must have; repeat for several (env:production).</param>
    /// <param name="enabled">Only enabled (true) or disabled (false) pipelines.</param>
    /// <param name="sort">Order of the list: created_at:desc (default), created_at:asc, updated_at:desc, updated_at:asc, name:asc or name:desc.</param>
    /// <param name="limit">Items per page, 1..100.</param>
    /// <param name="offset">Items to skip, 0 or more.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpGet]
    [ProducesResponseType<ListPipelinesResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, MediaTypes.Problem)]
    public async Task<ListPipelinesResponse> List(
        [FromQuery] string? search,
        [FromQuery] PipelineType? type,
        [FromQuery] string[]? label,
        [FromQuery] bool? enabled,
        CancellationToken cancellationToken,
        [FromQuery] int limit = PagingRules.DefaultLimit,
        [FromQuery] int offset = 0,
        [FromQuery] string? sort = null) =>
        await sender.Send(new ListPipelinesQuery(search, type, label ?? [], enabled, sort, limit, offset), cancellationToken);

    /// <summary>Create a pipeline</summary>
    /// <remarks>Generates the pipeline key and its secret. The secret is in this response only (and in rotate-secret's): store it.</remarks>
    /// <param name="request">The pipeline; everything but the name has a default.</param>
    /// <param name="idempotencyKey">Optional, up to 255 characters: a retry with the same key within 24 h gets the first response again instead of a second effect.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpPost]
    [Authorize(Policy = Policies.Editor)]
    [ProducesResponseType<CreatedPipelineResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status409Conflict, MediaTypes.Problem)]
    public async Task<ActionResult<CreatedPipelineResponse>> Create(
        CreatePipelineRequest request, [FromHeader(Name = RequestHeaders.IdempotencyKey)] string? idempotencyKey, CancellationToken cancellationToken)
    {
        var pipeline = await sender.Send(new CreatePipelineCommand(request.ToFields(), idempotencyKey), cancellationToken);
        return CreatedAtAction(nameof(Get), new { id = pipeline.Id }, pipeline);
    }

    /// <summary>Get a pipeline</summary>
    /// <remarks>By id or slug. Never shows the key secret.</remarks>
    /// <param name="id">The pipeline id (pip_…) or slug.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpGet("{id}")]
    [ProducesResponseType<PipelineResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    public async Task<PipelineResponse> Get(string id, CancellationToken cancellationToken) =>
        await sender.Send(new GetPipelineQuery(id), cancellationToken);

    /// <summary>Update a pipeline</summary>
    /// <remarks>Only the fields sent change. Send the ETag of your last GET in `If-Match` to refuse a lost update (412).</remarks>
    /// <param name="id">The pipeline id (pip_…).</param>
    /// <param name="request">The fields to change.</param>
    /// <param name="ifMatch">The ETag the change is based on.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpPut("{id}")]
    [Authorize(Policy = Policies.Editor)]
    [ProducesResponseType<PipelineResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status409Conflict, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status412PreconditionFailed, MediaTypes.Problem)]
    public async Task<PipelineResponse> Update(
        string id, UpdatePipelineRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken cancellationToken) =>
        await sender.Send(new UpdatePipelineCommand(id, ifMatch, request.ToFields()), cancellationToken);

    /// <summary>Delete a pipeline</summary>
    /// <remarks>
    /// Soft delete: the pipeline key stops working at once, and the slug is free again. Send the ETag of your last GET
    /// in `If-Match` to delete only what you saw (412 when it changed meanwhile).
    /// </remarks>
    /// <param name="id">The pipeline id (pip_…).</param>
    /// <param name="ifMatch">The ETag the delete is based on.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpDelete("{id}")]
    [Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<DeletePipelineResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status412PreconditionFailed, MediaTypes.Problem)]
    public async Task<DeletePipelineResponse> Delete(string id, [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken cancellationToken) =>
        await sender.Send(new DeletePipelineCommand(id, ifMatch), cancellationToken);

    /// <summary>Rotate the pipeline key secret</summary>
    /// <remarks>A new secret, shown this once; the old one and every challenge token signed with it stop working at once.</remarks>
    /// <param name="id">The pipeline id (pip_…).</param>
    /// <param name="idempotencyKey">Optional, up to 255 characters: a retry with the same key within 24 h gets the first response again instead of a second effect.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpPost("{id}/rotate-secret")]
    [Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<RotateSecretResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    public async Task<RotateSecretResponse> RotateSecret(
        string id, [FromHeader(Name = RequestHeaders.IdempotencyKey)] string? idempotencyKey, CancellationToken cancellationToken) =>
        await sender.Send(new RotateSecretCommand(id, idempotencyKey), cancellationToken);

    /// <summary>Generate a challenge token</summary>
    /// <remarks>For pipelines with `challenge_token_required`; 409 otherwise. Verifiable with the pipeline key secret alone (docs/challenge-tokens.md).</remarks>
    /// <param name="id">The pipeline id (pip_…).</param>
    /// <param name="idempotencyKey">Optional, up to 255 characters: a retry with the same key within 24 h gets the first response again instead of a second effect.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpPost("{id}/tokens")]
    [Authorize(Policy = Policies.Editor)]
    [ProducesResponseType<ChallengeTokenResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status409Conflict, MediaTypes.Problem)]
    public async Task<ChallengeTokenResponse> IssueChallengeToken(
        string id, [FromHeader(Name = RequestHeaders.IdempotencyKey)] string? idempotencyKey, CancellationToken cancellationToken) =>
        await sender.Send(new IssueChallengeTokenCommand(id, idempotencyKey), cancellationToken);

    /// <summary>Get the resolved config</summary>
    /// <remarks>
    /// What the event processor runs for this pipeline: each enabled integration's config with `{{pipeline_param.KEY}}`
    /// substituted and secrets masked. References to parameters the pipeline lacks stay as they are and are listed in
    /// `unresolved_parameters`.
    /// </remarks>
    /// <param name="id">The pipeline id (pip_…).</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpGet("{id}/resolved-config")]
    [ProducesResponseType<ResolvedConfigResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    public async Task<ResolvedConfigResponse> GetResolvedConfig(string id, CancellationToken cancellationToken) =>
        await sender.Send(new GetResolvedConfigQuery(id), cancellationToken);

    /// <summary>Build the collector</summary>
    /// <remarks>Queues a build of the JavaScript collector; a build already queued or running is returned instead of a second.</remarks>
    /// <param name="id">The pipeline id (pip_…).</param>
    /// <param name="idempotencyKey">Optional, up to 255 characters: a retry with the same key within 24 h gets the first response again instead of a second effect.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpPost("{id}/collector/build")]
    [Authorize(Policy = Policies.Editor)]
    [ProducesResponseType<CollectorBuildAccepted>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    public async Task<ActionResult<CollectorBuildAccepted>> BuildCollector(
        string id, [FromHeader(Name = RequestHeaders.IdempotencyKey)] string? idempotencyKey, CancellationToken cancellationToken)
    {
        var accepted = await sender.Send(new RequestCollectorBuildCommand(id, idempotencyKey), cancellationToken);
        return AcceptedAtAction(nameof(GetCollectorStatus), new { id = accepted.PipelineId }, accepted);
    }

    /// <summary>Get the collector build status</summary>
    /// <remarks>no_builds, building, ready, or failed with an error.</remarks>
    /// <param name="id">The pipeline id (pip_…).</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpGet("{id}/collector/status")]
    [ProducesResponseType<CollectorStatusResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    public async Task<CollectorStatusResponse> GetCollectorStatus(string id, CancellationToken cancellationToken) =>
        await sender.Send(new GetCollectorStatusQuery(id), cancellationToken);

    /// <summary>Download the collector</summary>
    /// <remarks>The latest ready build as application/javascript under its configured file name; 404 before the first.</remarks>
    /// <param name="id">The pipeline id (pip_…).</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpGet("{id}/collector/download")]
    [ProducesResponseType<FileResult>(StatusCodes.Status200OK, MediaTypes.JavaScript)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    public async Task<IActionResult> DownloadCollector(string id, CancellationToken cancellationToken)
    {
        var file = await sender.Send(new DownloadCollectorQuery(id), cancellationToken);
        var etag = new EntityTagHeaderValue($"\"{file.VersionHash}\"");
        if (JsonEntityTags.AnyMatches(Request.Headers.IfNoneMatch, etag, useStrongComparison: false))
        {
            Response.Headers.ETag = etag.ToString();
            return StatusCode(StatusCodes.Status304NotModified);
        }

        return File(System.Text.Encoding.UTF8.GetBytes(file.Content), MediaTypes.JavaScript, file.Filename, lastModified: null, etag);
    }
}
