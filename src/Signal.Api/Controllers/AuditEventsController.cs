using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Signal.Api.Auth;
using Signal.Api.Errors;
using Signal.Api.Http;
using Signal.Application.Audit;
using Signal.Application.Audit.GetAuditEvent;
using Signal.Application.Audit.ListAuditEvents;
using Signal.Application.Audit.VerifyAuditChain;
using Signal.Application.Common.Paging;

namespace Signal.Api.Controllers;

/// <summary>The change history: one event per changed resource of every successful write, hash-chained per organisation.</summary>
[ApiController]
[Route("v1/admin/audit-events")]
[Authorize(Policy = Policies.Admin)]
public sealed class AuditEventsController(ISender sender) : ControllerBase
{
    /// <summary>List audit events</summary>
    /// <remarks>
    /// Newest first, cursor-paged: pass `next_cursor` as `cursor` for the next page (null on the last). Filters combine.
    /// Events written while you page are newer than your first page and never shift the pages that follow.
    /// </remarks>
    /// <param name="resourceType">integration_template, integration_revision, pipeline or pipeline_integration.</param>
    /// <param name="resourceId">The resource's id: pip_…, pi_…, tmpl_…, rev_….</param>
    /// <param name="actorId">Who made the change: the token's `sub`.</param>
    /// <param name="action">An action (pipeline.updated) or every action of a resource (pipeline.*).</param>
    /// <param name="since">Events at or after this time (ISO 8601).</param>
    /// <param name="until">Events before this time (ISO 8601).</param>
    /// <param name="limit">Events per page, 1..100.</param>
    /// <param name="cursor">The previous page's next_cursor.</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpGet]
    [ProducesResponseType<ListAuditEventsResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, MediaTypes.Problem)]
    public async Task<ListAuditEventsResponse> List(
        [FromQuery(Name = "resource_type")] string? resourceType,
        [FromQuery(Name = "resource_id")] string? resourceId,
        [FromQuery(Name = "actor_id")] string? actorId,
        [FromQuery] string? action,
        [FromQuery] DateTimeOffset? since,
        [FromQuery] DateTimeOffset? until,
        [FromQuery] string? cursor,
        CancellationToken cancellationToken,
        [FromQuery] int limit = PagingRules.DefaultLimit) =>
        await sender.Send(new ListAuditEventsQuery(resourceType, resourceId, actorId, action, since, until, limit, cursor), cancellationToken);

    /// <summary>Verify the audit chain</summary>
    /// <remarks>
    /// Owner only. Recomputes every hash of the organisation's chain, oldest first (docs/audit.md shows how to do the
    /// same outside the API): `verified` true with the number of events, or false with the first event that breaks it.
    /// </remarks>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpGet("verify")]
    [Authorize(Policy = Policies.Owner)]
    [ProducesResponseType<AuditChainVerification>(StatusCodes.Status200OK)]
    public async Task<AuditChainVerification> Verify(CancellationToken cancellationToken) =>
        await sender.Send(new VerifyAuditChainQuery(), cancellationToken);

    /// <summary>Get an audit event</summary>
    /// <remarks>One change with who made it, from where, and the fields it changed (never a secret's value). ETag for conditional GETs.</remarks>
    /// <param name="id">The event id (evt_…).</param>
    /// <param name="cancellationToken">Aborted when the client goes away.</param>
    [HttpGet("{id}")]
    [ProducesResponseType<AuditEventResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, MediaTypes.Problem)]
    public async Task<AuditEventResponse> Get(string id, CancellationToken cancellationToken) =>
        await sender.Send(new GetAuditEventQuery(id), cancellationToken);
}
