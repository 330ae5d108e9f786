using System.Text.Json.Nodes;
using Signal.Application.Templates;
using Signal.Domain.Common;
using Signal.Domain.Templates;

namespace Signal.Infrastructure.Templates;

/// <summary>Column lists and row shapes shared by the template repository and queries.</summary>
internal static class TemplateSql
{
    public const string TemplateColumns = """
        t.id, t.org_id, t.name, t.vendor, t.description, t.catalog_vendor_key, t.catalog_variant_key,
        t.latest_revision_number, t.created_at, t.updated_at
        """;

    public const string RevisionColumns = """
        r.id, r.org_id, r.integration_id, r.revision_number, r.config, r.delivery_mode, r.change_summary,
        r.created_by, r.created_at
        """;

    /// <summary>A revision by number or id (whichever parameter is set) of the template that <paramref name="templateId"/> names in SQL.</summary>
    public static string FindRevision(string templateId) => $"""
        SELECT {RevisionColumns}
        FROM integration_revisions r
        WHERE r.org_id = @OrgId AND r.integration_id = {templateId}
          AND (r.revision_number = @Number OR r.id = @RevisionId)
        """;
}

internal sealed class TemplateRow
{
    public required string Id { get; init; }

    public required string OrgId { get; init; }

    public required string Name { get; init; }

    public required string Vendor { get; init; }

    public string? Description { get; init; }

    public string? CatalogVendorKey { get; init; }

    public string? CatalogVariantKey { get; init; }

    public int? LatestRevisionNumber { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The aggregate; <paramref name="latest"/> is its newest revision, opened, when it is loaded to add one.</summary>
    public Template ToTemplate(Revision? latest = null) => Template.Rehydrate(
        Id, OrgId, Name, Vendor, Description, CatalogVendorKey, CatalogVariantKey, LatestRevisionNumber, latest, CreatedAt, UpdatedAt);

    public TemplateResponse ToResponse() => new(
        Id, OrgId, Name, Vendor, Description, CatalogVendorKey, CatalogVariantKey, LatestRevisionNumber, CreatedAt, UpdatedAt);
}

internal sealed class RevisionRow
{
    public required string Id { get; init; }

    public required string OrgId { get; init; }

    public required string IntegrationId { get; init; }

    public int RevisionNumber { get; init; }

    /// <summary>As stored: secret values sealed.</summary>
    public required JsonObject Config { get; init; }

    public required string DeliveryMode { get; init; }

    public string? ChangeSummary { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The revision with <paramref name="plainConfig"/>, its config opened.</summary>
    public Revision ToRevision(JsonObject plainConfig) => Revision.Rehydrate(
        Id, OrgId, IntegrationId, RevisionNumber, plainConfig, Mode, ChangeSummary, CreatedBy, CreatedAt);

    public StoredRevision ToStored() => new(Id, OrgId, IntegrationId, RevisionNumber, Config, Mode, ChangeSummary, CreatedBy, CreatedAt);

    public RevisionRef ToRef() => new(Id, OrgId, IntegrationId, RevisionNumber, Mode);

    private DeliveryMode Mode => WireNames.Parse<DeliveryMode>(DeliveryMode);
}
