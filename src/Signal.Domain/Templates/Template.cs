using System.Text.Json.Nodes;
using Signal.Domain.Audit;
using Signal.Domain.Catalog;
using Signal.Domain.Common;

namespace Signal.Domain.Templates;

/// <summary>
/// An organisation's reusable integration definition (an integration template). Owns its revisions: the only way to
/// make one is <see cref="AddRevision"/>, which judges the config and hands out the next number. The new revisions of
/// this unit of work are in <see cref="NewRevisions"/>.
/// </summary>
public sealed class Template : AggregateRoot
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
        Revision? latest,
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
        Latest = latest;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    public override string Id { get; }

    public override string OrgId { get; }

    public string Name { get; private set; }

    public string Vendor { get; }

    public string? Description { get; private set; }

    public string? CatalogVendorKey { get; }

    public string? CatalogVariantKey { get; }

    /// <summary>Number of the newest revision; null before the first.</summary>
    public int? LatestRevisionNumber { get; private set; }

    /// <summary>The newest revision when the template was loaded for a change (or has added one); otherwise null.</summary>
    public Revision? Latest { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>Revisions added since this template was created or loaded, oldest first.</summary>
    public IReadOnlyList<Revision> NewRevisions => _newRevisions;

    /// <summary>A new template of <paramref name="vendor"/>, without revisions.</summary>
    public static Template Create(string orgId, string name, string vendor, string? description, DateTimeOffset now)
    {
        var template = new Template(Ids.New(IdPrefix, now), orgId, ValidName(name), vendor, ValidDescription(description),
            catalogVendorKey: null, catalogVariantKey: null, latestRevisionNumber: null, latest: null, now, now);
        template.RecordCreation(AuditActions.TemplateCreated, now);
        return template;
    }

    /// <summary>
    /// A template installed from the catalog, with its first revision: the vendor's and the variant's defaults overlaid
    /// by <paramref name="config"/> (docs/catalog.md), server-side unless <paramref name="deliveryMode"/> says otherwise.
    /// </summary>
    public static Template Install(
        string orgId,
        string name,
        CatalogVendor vendor,
        string? variantKey,
        JsonObject? config,
        DeliveryMode? deliveryMode,
        string? description,
        string createdBy,
        DateTimeOffset now)
    {
        var variant = vendor.FindVariant(variantKey ?? CatalogVariant.DefaultKey)
            ?? throw new DomainRuleException("variant", $"must be one of: {string.Join(", ", vendor.Variants.Select(v => v.Key))}");
        var template = new Template(Ids.New(IdPrefix, now), orgId, ValidName(name), vendor.Key, ValidDescription(description),
            vendor.Key, variant.Key, latestRevisionNumber: null, latest: null, now, now);
        var revision = template.AppendRevision(vendor, VendorConfig.ForInstall(vendor, variant, config), deliveryMode ?? DeliveryMode.ServerSide,
            $"Initial setup from catalog: {vendor.Name} ({variant.Key} variant)", createdBy, now);

        // One event for the install: the template's fields and its first revision's (revision_id, config.…).
        var state = template.AuditedState();
        state["revision_id"] = revision.Id;
        foreach (var (field, value) in RevisionState(vendor, revision).Where(f => f.Key != "integration_id"))
        {
            state[field] = value?.DeepClone();
        }

        template.RecordCreation(AuditActions.CatalogInstalled, ResourceTypes.IntegrationTemplate, template.Id, template.Name, state, now);
        return template;
    }

    /// <summary>
    /// A stored template. <paramref name="latest"/> is its newest revision, opened; it is needed only to add a revision,
    /// so a template loaded for anything else passes null with <paramref name="latestRevisionNumber"/> set.
    /// </summary>
    public static Template Rehydrate(
        string id,
        string orgId,
        string name,
        string vendor,
        string? description,
        string? catalogVendorKey,
        string? catalogVariantKey,
        int? latestRevisionNumber,
        Revision? latest,
        DateTimeOffset createdAt,
        DateTimeOffset updatedAt)
    {
        if (latest is not null && latest.RevisionNumber != latestRevisionNumber)
        {
            throw new InvalidOperationException($"Revision {latest.RevisionNumber} is not the latest ({latestRevisionNumber}) of template {id}.");
        }

        return new(id, orgId, name, vendor, description, catalogVendorKey, catalogVariantKey, latestRevisionNumber, latest, createdAt, updatedAt);
    }

    public void Rename(string name, DateTimeOffset now)
    {
        var before = AuditedState();
        Name = ValidName(name);
        UpdatedAt = now;
        RecordChange(AuditActions.TemplateUpdated, before, now);
    }

    /// <summary>Sets the description; an empty or blank one clears it.</summary>
    public void Describe(string? description, DateTimeOffset now)
    {
        var before = AuditedState();
        Description = ValidDescription(description);
        UpdatedAt = now;
        RecordChange(AuditActions.TemplateUpdated, before, now);
    }

    /// <summary>
    /// Adds the next revision: the one way a revision is made. The config is judged against the vendor's fields
    /// (docs/catalog.md) after the masked round trip — a secret sent back exactly as the latest revision shows it keeps
    /// that revision's value. The revision holds the plaintext config; the repository seals its secrets when it saves.
    /// </summary>
    public Revision AddRevision(
        CatalogVendor vendor,
        JsonObject config,
        DeliveryMode deliveryMode,
        string? changeSummary,
        string createdBy,
        DateTimeOffset now)
    {
        var revision = AppendRevision(vendor, config, deliveryMode, changeSummary, createdBy, now);
        RecordCreation(AuditActions.RevisionCreated, ResourceTypes.IntegrationRevision, revision.Id,
            $"{Name} revision {revision.RevisionNumber}", RevisionState(vendor, revision), now);
        return revision;
    }

    private Revision AppendRevision(
        CatalogVendor vendor,
        JsonObject config,
        DeliveryMode deliveryMode,
        string? changeSummary,
        string createdBy,
        DateTimeOffset now)
    {
        DeletedAggregateException.ThrowIfDeleted(DeletedAt, "Template", Id);
        if (vendor.Key != Vendor)
        {
            throw new InvalidOperationException($"Template {Id} is of vendor '{Vendor}', not '{vendor.Key}'.");
        }

        if (LatestRevisionNumber is not null && Latest is null)
        {
            throw new InvalidOperationException($"Template {Id} was loaded without its latest revision; load it for a change to add one.");
        }

        if (ChangeSummaryProblem(changeSummary) is { } summaryProblem)
        {
            throw new DomainRuleException("change_summary", summaryProblem);
        }

        var plain = config.DeepClone().AsObject();
        if (Latest is not null)
        {
            ConfigSecrets.KeepUnchanged(vendor, plain, Latest.Config);
        }

        var problems = VendorConfig.FindProblems(vendor, plain);
        if (problems.Count > 0)
        {
            throw new DomainRuleException(problems);
        }

        var number = (LatestRevisionNumber ?? 0) + 1;
        var revision = new Revision(Ids.New(Revision.IdPrefix, now), OrgId, Id, number, plain, deliveryMode,
            string.IsNullOrWhiteSpace(changeSummary) ? null : changeSummary.Trim(), createdBy, now);
        _newRevisions.Add(revision);
        Latest = revision;
        LatestRevisionNumber = number;
        UpdatedAt = now;
        return revision;
    }

    public void Delete(DateTimeOffset now)
    {
        DeletedAggregateException.ThrowIfDeleted(DeletedAt, "Template", Id);
        DeletedAt = now;
        UpdatedAt = now;
        RecordAction(AuditActions.TemplateDeleted, now);
    }

    protected override string ResourceType => ResourceTypes.IntegrationTemplate;

    protected override string? ResourceName => Name;

    protected override JsonObject AuditedState() => State(
        ("name", Name),
        ("vendor", Vendor),
        ("description", Description),
        ("catalog_vendor_key", CatalogVendorKey),
        ("catalog_variant_key", CatalogVariantKey));

    /// <summary>A new revision's fields as its audit event shows them: the config with its secrets masked.</summary>
    private static JsonObject RevisionState(CatalogVendor vendor, Revision revision) => State(
        ("integration_id", revision.TemplateId),
        ("revision_number", revision.RevisionNumber),
        ("config", ConfigSecrets.Masked(vendor, revision.Config)),
        ("delivery_mode", WireNames.Of(revision.DeliveryMode)),
        ("change_summary", revision.ChangeSummary));

    /// <summary>What is wrong with a template name (it is trimmed first), or null when nothing is.</summary>
    public static string? NameProblem(string? name)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        return trimmed.Length == 0 ? "must not be empty"
            : trimmed.Length > MaxNameLength ? $"must be at most {MaxNameLength} characters"
            : trimmed.Any(char.IsControl) ? "must not contain control characters"
            : null;
    }

    /// <summary>What is wrong with a description (blank clears it), or null when nothing is.</summary>
    public static string? DescriptionProblem(string? description) =>
        description?.Length > MaxDescriptionLength ? $"must be at most {MaxDescriptionLength} characters" : null;

    /// <summary>What is wrong with a revision's change summary, or null when nothing is.</summary>
    public static string? ChangeSummaryProblem(string? changeSummary) =>
        changeSummary?.Length > MaxChangeSummaryLength ? $"must be at most {MaxChangeSummaryLength} characters" : null;

    private static string ValidName(string name) =>
        NameProblem(name) is { } problem ? throw new DomainRuleException("name", problem) : name.Trim();

    private static string? ValidDescription(string? description)
    {
        if (DescriptionProblem(description) is { } problem)
        {
            throw new DomainRuleException("description", problem);
        }

        return string.IsNullOrWhiteSpace(description) ? null : description.Trim();
    }
}
