using Mediator;

namespace Signal.Application.Audit.ListAuditEvents;

/// <param name="ResourceType">integration_template, integration_revision, pipeline or pipeline_integration.</param>
/// <param name="ResourceId">The id of the resource (<c>pip_…</c>, <c>pi_…</c>, …).</param>
/// <param name="ActorId">Who made the changes: a token's <c>sub</c>.</param>
/// <param name="Action">An action (<c>pipeline.updated</c>) or all of a resource's (<c>pipeline.*</c>).</param>
/// <param name="Since">Events at or after this time.</param>
/// <param name="Until">Events before this time.</param>
/// <param name="Limit">Events per page, 1..100.</param>
/// <param name="Cursor">The <c>next_cursor</c> of the previous page; null for the first.</param>
public sealed record ListAuditEventsQuery(
    string? ResourceType,
    string? ResourceId,
    string? ActorId,
    string? Action,
    DateTimeOffset? Since,
    DateTimeOffset? Until,
    int Limit,
    string? Cursor) : IQuery<ListAuditEventsResponse>;

/// <summary>A page of audit events, newest first; <c>next_cursor</c> is null on the last page.</summary>
public sealed record ListAuditEventsResponse(IReadOnlyList<AuditEventResponse> AuditEvents, string? NextCursor);
