using System.Text.Json.Nodes;

namespace Signal.Application.Audit;

/// <summary>An audit event without its place in the hash chain: what its hash covers.</summary>
public sealed record AuditRecord(
    string Id,
    string OrgId,
    string Action,
    string ResourceType,
    string ResourceId,
    string? ResourceName,
    AuditActor Actor,
    JsonObject Changes,
    AuditRequestContext Context,
    DateTimeOffset OccurredAt);
