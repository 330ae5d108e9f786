using System.Text.Json.Nodes;
using Signal.Domain.Common;

namespace Signal.Domain.Templates;

/// <summary>
/// An organisation's reusable integration definition. Owns its revisions: the only way to make one is
/// <see cref="AddRevision"/>, which hands out the next number. Loaded with its latest revision number only; the new
/// revisions of this unit of work are in <see cref="NewRevisions"/>.
/// </summary>
public sealed class Template
{
    public const string IdPrefix = "tmpl";
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 1000;
    public const int MaxChangeSummaryLength = 500;

    private readonly List<Revision> _newRevisions = [];

    private Template(
        string id,
        string orgId,
        string name,
        string vendor,
        string? description,
        string? catalogVendorKey,
        string? catalogVariantKey,
        int? latestRevisionNumber,
        DateTimeOffset createdAt,
        DateTimeOffset updatedAt)
    {
        Id = id;
        OrgId = orgId;
        Name = name;
        Vendor = vendor;
        Description = description;
        CatalogVendorKey = catalogVendorKey;
        CatalogVariantKey = catalogVariantKey;
        LatestRevisionNumber = latestRevisionNumber;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    public string Id { get; }

    public string OrgId { get; }

    public string Name { get; private set; }

    public string Vendor { get; }

    public string? Description { get; private set; }

    public string? CatalogVendorKey { get; }

    public string? CatalogVariantKey { get; }

    /// <summary>Number of the newest revision; null before the first.</summary>
    public int? LatestRevisionNumber { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>Revisions added since this template was created or loaded, oldest first.</summary>
    public IReadOnlyList<Revision> NewRevisions => _newRevisions;

    /// <summary>A new template; <paramref name="catalogVariantKey"/> is set when it comes from a catalog install.</summary>
    public static Template Create(
        string orgId, string name, string vendor, string? description, string? catalogVariantKey, DateTimeOffset now) =>
        new(Ids.New(IdPrefix, now), orgId, ValidName(name), vendor, ValidDescription(description),
            catalogVariantKey is null ? null : vendor, catalogVariantKey, latestRevisionNumber: null, now, now);

    public static Template Rehydrate(
        string id,
        string orgId,
        string name,
        string vendor,
        string? description,
        string? catalogVendorKey,
        string? catalogVariantKey,
        int? latestRevisionNumber,
        DateTimeOffset createdAt,
        DateTimeOffset updatedAt) =>
        new(id, orgId, name, vendor, description, catalogVendorKey, catalogVariantKey, latestRevisionNumber, createdAt, updatedAt);

    public void Rename(string name, DateTimeOffset now)
    {
        Name = ValidName(name);
        UpdatedAt = now;
    }

    /// <summary>Sets the description; an empty or blank one clears it.</summary>
    public void Describe(string? description, DateTimeOffset now)
    {
        Description = ValidDescription(description);
        UpdatedAt = now;
    }

    /// <summary>
    /// Adds the next revision. <paramref name="storedConfig"/> is the config as it will be stored (secrets already
    /// protected); <paramref name="revisionId"/> is fixed beforehand because encryption binds secrets to it.
    /// </summary>
    public Revision AddRevision(
        string revisionId,
        JsonObject storedConfig,
        DeliveryMode deliveryMode,
        string? changeSummary,
        string createdBy,
        DateTimeOffset now)
    {
        DeletedAggregateException.ThrowIfDeleted(DeletedAt, "Template", Id);
        if (changeSummary?.Length > MaxChangeSummaryLength)
        {
            throw new DomainRuleException("change_summary", $"must be at most {MaxChangeSummaryLength} characters");
        }

        var number = (LatestRevisionNumber ?? 0) + 1;
        var revision = new Revision(revisionId, OrgId, Id, number, storedConfig, deliveryMode,
            string.IsNullOrWhiteSpace(changeSummary) ? null : changeSummary.Trim(), createdBy, now);
        _newRevisions.Add(revision);
        LatestRevisionNumber = number;
        UpdatedAt = now;
        return revision;
    }

    public void Delete(DateTimeOffset now)
    {
        DeletedAggregateException.ThrowIfDeleted(DeletedAt, "Template", Id);
        DeletedAt = now;
        UpdatedAt = now;
    }


    private static string ValidName(string name)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new DomainRuleException("name", "must not be empty");
        }

        if (trimmed.Length > MaxNameLength)
        {
            throw new DomainRuleException("name", $"must be at most {MaxNameLength} characters");
        }

        if (trimmed.Any(char.IsControl))
        {
            throw new DomainRuleException("name", "must not contain control characters");
        }

        return trimmed;
    }

    private static string? ValidDescription(string? description)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            return null;
        }

        return description.Length > MaxDescriptionLength
            ? throw new DomainRuleException("description", $"must be at most {MaxDescriptionLength} characters")
            : description.Trim();
    }
}
