using System.Text.Json.Nodes;
using Signal.Domain.Templates;

namespace Signal.Application.Templates;

/// <summary>An integration template, plus the number of its newest revision (null before the first).</summary>
public sealed record TemplateResponse(
    string Id,
    string OrgId,
    string Name,
    string Vendor,
    string? Description,
    string? CatalogVendorKey,
    string? CatalogVariantKey,
    int? LatestRevisionNumber,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>An immutable revision; secret values are masked.</summary>
public sealed record RevisionResponse(
    string Id,
    string IntegrationId,
    string OrgId,
    int RevisionNumber,
    JsonObject Config,
    DeliveryMode DeliveryMode,
    string? ChangeSummary,
    string CreatedBy,
    DateTimeOffset CreatedAt);
