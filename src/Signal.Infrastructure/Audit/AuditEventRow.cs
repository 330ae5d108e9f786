using System.Text.Json.Nodes;
using Signal.Application.Audit;

namespace Signal.Infrastructure.Audit;

/// <summary>An <c>audit_events</c> row as <see cref="Columns"/> selects it.</summary>
internal sealed class AuditEventRow
{
    public const string Columns = """
        e.id, e.org_id, e.action, e.resource_type, e.resource_id, e.resource_name, e.actor_type, e.actor_id, e.actor_role,
        e.changes, e.context ->> 'trace_id' AS trace_id, e.context ->> 'ip_address' AS ip_address,
        e.context ->> 'user_agent' AS user_agent, e.context ->> 'idempotency_key' AS idempotency_key,
        e.context ->> 'rollout_id' AS rollout_id, e.occurred_at, e.sequence, e.previous_hash, e.hash
        """;

    public required string Id { get; init; }

    public required string OrgId { get; init; }

    public required string Action { get; init; }

    public required string ResourceType { get; init; }

    public required string ResourceId { get; init; }

    public string? ResourceName { get; init; }

    public required string ActorType { get; init; }

    public required string ActorId { get; init; }

    public string? ActorRole { get; init; }

    public required JsonObject Changes { get; init; }

    public string? TraceId { get; init; }

    public string? IpAddress { get; init; }

    public string? UserAgent { get; init; }

    public string? IdempotencyKey { get; init; }

    public string? RolloutId { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public long Sequence { get; init; }

    public required string PreviousHash { get; init; }

    public required string Hash { get; init; }

    public AuditEventResponse ToResponse() => AuditEventResponse.Of(ToRecord(), Sequence, PreviousHash, Hash);

    public AuditRecord ToRecord() => new(Id, OrgId, Action, ResourceType, ResourceId, ResourceName, new AuditActor(ActorType, ActorId, ActorRole),
        Ordered(Changes), new AuditRequestContext(TraceId, IpAddress, UserAgent, IdempotencyKey, RolloutId), OccurredAt);

    // jsonb keeps keys in its own order (shortest first); the API shows paths sorted, each with old before new.
    private static JsonObject Ordered(JsonObject changes) => new(changes
        .OrderBy(p => p.Key, StringComparer.Ordinal)
        .Select(p => KeyValuePair.Create(p.Key, (JsonNode?)new JsonObject { ["old"] = p.Value?["old"]?.DeepClone(), ["new"] = p.Value?["new"]?.DeepClone() })));
}
