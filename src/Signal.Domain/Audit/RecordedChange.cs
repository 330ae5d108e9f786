using Signal.Domain.Common;

namespace Signal.Domain.Audit;

/// <summary>
/// What one change did to one resource: the action, the resource, and the fields that changed (dotted JSON paths,
/// secrets masked; on create every set field, on delete none), and the rollout that made it, if one did. The unit of
/// work turns it into an audit event.
/// </summary>
public sealed record RecordedChange(
    string OrgId,
    string Action,
    string ResourceType,
    string ResourceId,
    string? ResourceName,
    IReadOnlyList<LeafChange> Changes,
    DateTimeOffset OccurredAt,
    string? RolloutId = null);
