using System.Text.Json.Nodes;
using Signal.Domain.Templates;

namespace Signal.Application.Templates;

/// <summary>A revision as read for display: <see cref="SealedConfig"/> holds its secret values encrypted, as stored.</summary>
public sealed record StoredRevision(
    string Id,
    string OrgId,
    string TemplateId,
    int RevisionNumber,
    JsonObject SealedConfig,
    DeliveryMode DeliveryMode,
    string? ChangeSummary,
    string CreatedBy,
    DateTimeOffset CreatedAt);
