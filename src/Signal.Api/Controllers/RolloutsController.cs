using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Signal.Api.Auth;
using Signal.Api.Contracts.Rollouts;
using Signal.Api.Errors;
using Signal.Api.Http;
using Signal.Application.Common.Paging;
using Signal.Application.Rollouts;
using Signal.Application.Rollouts.ChangeRollout;
using Signal.Application.Rollouts.CreateRollout;
using Signal.Application.Rollouts.GetRollout;
using Signal.Application.Rollouts.ListRollouts;
using Signal.Domain.Rollouts;

namespace Signal.Api.Controllers;

/// <summary>A revision of a template taken to many pipelines in waves, watched by a health gate (docs/rollouts.md).</summary>
[ApiController]
[Route("v1/admin/rollouts")]
[Authorize(Policy = Policies.Viewer)]
public sealed class RolloutsController(ISender sender) : ControllerBase
{
    /// <summary>Start a rollout, or plan one</summary>
    /// <remarks>
    /// Targets the live pipelines the selector matches that have the template at another revision, split into waves by
    /// pipeline id. Wave 1 is deployed before the response; the worker deploys each next wave once the current one has
    /// baked `bake_minutes`, and rolls every deployed pipeline back when the health gate fails. With `dry_run: true` the
    /// answer is the plan (200) and nothing changes. 409 `unresolved_parameters` when a target lacks a parameter the
    /// revision references (unless `allow_unresolved`), 409 `rollout_conflict` when a target is in another active
    /// rollout; 400 when no pipeline matches.
    /// </remarks>
    /// <param name="request">The revision, the selector, the waves, the bake time and the health gate.</param>
    /// <param name="idempotencyKey">Optional, up to 255 characters: a retry with the same key within 24 h gets the first response again instead of a second effect.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpPost]
    [Authorize(Policy = Policies.Editor)]
    [ProducesResponseType<RolloutPlanResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<RolloutResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status409Conflict, MediaTypes.Problem)]
    public async Task<IActionResult> Create(
        CreateRolloutRequest request, [FromHeader(Name = RequestHeaders.IdempotencyKey)] string? idempotencyKey, CancellationToken cancellationToken)
    {
        var (plan, rollout) = await sender.Send(new CreateRolloutCommand(request.IntegrationId, request.RevisionId, request.RevisionNumber,
            request.Selector, request.Waves, request.BakeMinutes, request.HealthGate, request.DryRun, request.AllowUnresolved, idempotencyKey), cancellationToken);
        return plan is not null ? Ok(plan) : CreatedAtAction(nameof(Get), new { id = rollout!.Id }, rollout);
    }

    /// <summary>List rollouts</summary>
    /// <remarks>Newest first, each with its waves, pipelines and health.</remarks>
    /// <param name="status">Only this status: running, paused, completed, rolled_back or aborted.</param>
    /// <param name="integrationId">Only rollouts of this template (tmpl_…).</param>
    /// <param name="limit">Items per page, 1..100.</param>
    /// <param name="offset">Items to skip.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpGet]
    [ProducesResponseType<ListRolloutsResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, MediaTypes.Problem)]
    public async Task<ListRolloutsResponse> List(
        [FromQuery] RolloutStatus? status,
        [FromQuery(Name = "integration_id")] string? integrationId,
        CancellationToken cancellationToken,
        [FromQuery] int limit = PagingRules.DefaultLimit,
        [FromQuery] int offset = 0) =>
        await sender.Send(new ListRolloutsQuery(status, integrationId, limit, offset), cancellationToken);

    /// <summary>Get a rollout</summary>
    /// <remarks>Its status, waves, each wave's pipelines and the health measured since each deploy. ETag for conditional GETs.</remarks>
    /// <param name="id">The rollout id (ro_…).</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpGet("{id}")]
    [ProducesResponseType<RolloutResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    public async Task<RolloutResponse> Get(string id, CancellationToken cancellationToken) =>
        await sender.Send(new GetRolloutQuery(id), cancellationToken);

    /// <summary>Pause a rollout</summary>
    /// <remarks>The worker leaves it alone (no next wave, no health gate) until it is resumed. Pausing a paused rollout changes nothing; 409 `rollout_not_active` once it has ended.</remarks>
    /// <param name="id">The rollout id (ro_…).</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpPost("{id}/pause")]
    [Authorize(Policy = Policies.Editor)]
    [ProducesResponseType<RolloutResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status409Conflict, MediaTypes.Problem)]
    public Task<RolloutResponse> Pause(string id, CancellationToken cancellationToken) => Change(id, RolloutChange.Pause, cancellationToken);

    /// <summary>Resume a rollout</summary>
    /// <remarks>The worker advances it again; the current wave's bake counts from its deploy. Resuming a running rollout changes nothing; 409 `rollout_not_active` once it has ended.</remarks>
    /// <param name="id">The rollout id (ro_…).</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpPost("{id}/resume")]
    [Authorize(Policy = Policies.Editor)]
    [ProducesResponseType<RolloutResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status409Conflict, MediaTypes.Problem)]
    public Task<RolloutResponse> Resume(string id, CancellationToken cancellationToken) => Change(id, RolloutChange.Resume, cancellationToken);

    /// <summary>Abort a rollout</summary>
    /// <remarks>Stops where it is: deployed pipelines keep the new revision, the waves not reached are cancelled, and every pipeline is free for manual changes again. 409 `rollout_not_active` once it has ended.</remarks>
    /// <param name="id">The rollout id (ro_…).</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpPost("{id}/abort")]
    [Authorize(Policy = Policies.Editor)]
    [ProducesResponseType<RolloutResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status409Conflict, MediaTypes.Problem)]
    public Task<RolloutResponse> Abort(string id, CancellationToken cancellationToken) => Change(id, RolloutChange.Abort, cancellationToken);

    /// <summary>Roll a rollout back</summary>
    /// <remarks>Every deployed pipeline goes back to the revision it had before the rollout (the processor feed shows it at once); the waves not reached are cancelled. 409 `rollout_not_active` once it has ended.</remarks>
    /// <param name="id">The rollout id (ro_…).</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpPost("{id}/rollback")]
    [Authorize(Policy = Policies.Editor)]
    [ProducesResponseType<RolloutResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status409Conflict, MediaTypes.Problem)]
    public Task<RolloutResponse> Rollback(string id, CancellationToken cancellationToken) => Change(id, RolloutChange.RollBack, cancellationToken);

    private async Task<RolloutResponse> Change(string id, RolloutChange change, CancellationToken cancellationToken) =>
        await sender.Send(new ChangeRolloutCommand(id, change), cancellationToken);
}
