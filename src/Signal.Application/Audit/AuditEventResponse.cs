using System.Text.Json.Nodes;

namespace Signal.Application.Audit;

/// <summary>
/// One recorded change: who did what to which resource, the fields that changed (<c>{ "path": { "old", "new" } }</c>),
/// from where, when, and its place in the organisation's hash chain (docs/audit.md).
/// </summary>
public sealed record AuditEventResponse(
    string Id,
    string OrgId,
    string Action,
    string ResourceType,
    string ResourceId,
    string? ResourceName,
    AuditActor Actor,
    JsonObject Changes,
    AuditRequestContext Context,
    DateTimeOffset OccurredAt,
    long Sequence,
    string PreviousHash,
    string Hash)
{
    public static AuditEventResponse Of(AuditRecord record, long sequence, string previousHash, string hash) => new(
        record.Id, record.OrgId, record.Action, record.ResourceType, record.ResourceId, record.ResourceName, record.Actor,
        record.Changes, record.Context, record.OccurredAt, sequence, previousHash, hash);
}

/// <summary>Who made a change: a user (the token's <c>sub</c> and role), a service, or the system itself.</summary>
public sealed record AuditActor(string Type, string Id, string? Role)
{
    public const string User = "user";
    public const string Service = "service";
    public const string System = "system";
}

/// <summary>
/// Where a change came from: the request's trace id, the client's address (after forwarded headers), its user agent
/// (truncated), its Idempotency-Key, and the rollout that made it, if one did.
/// </summary>
public sealed record AuditRequestContext(string? TraceId, string? IpAddress, string? UserAgent, string? IdempotencyKey, string? RolloutId)
{
    public const int MaxUserAgentLength = 256;
}
