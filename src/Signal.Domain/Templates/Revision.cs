using System.Text.Json.Nodes;

namespace Signal.Domain.Templates;

/// <summary>
/// An immutable snapshot of a template's configuration. Made only by <see cref="Template.AddRevision"/>, or loaded by
/// the repository; nothing changes it afterwards. <see cref="Config"/> is the plaintext config: the repository seals
/// its secret values when the revision is saved and opens them when it loads one for a change.
/// </summary>
public sealed class Revision
{
    internal Revision(
        string id,
        string orgId,
        string templateId,
        int revisionNumber,
        JsonObject config,
        DeliveryMode deliveryMode,
        string? changeSummary,
        string createdBy,
        DateTimeOffset createdAt)
    {
        Id = id;
        OrgId = orgId;
        TemplateId = templateId;
        RevisionNumber = revisionNumber;
        Config = config;
        DeliveryMode = deliveryMode;
        ChangeSummary = changeSummary;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public const string IdPrefix = "rev";

    public string Id { get; }

    public string OrgId { get; }

    public string TemplateId { get; }

    public int RevisionNumber { get; }

    public JsonObject Config { get; }

    public DeliveryMode DeliveryMode { get; }

    public string? ChangeSummary { get; }

    public string CreatedBy { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>What a pipeline integration needs to pin this revision.</summary>
    public RevisionRef Ref => new(Id, OrgId, TemplateId, RevisionNumber, DeliveryMode);

    /// <summary>A stored revision, <paramref name="config"/> already opened (secrets in plaintext).</summary>
    public static Revision Rehydrate(
        string id,
        string orgId,
        string templateId,
        int revisionNumber,
        JsonObject config,
        DeliveryMode deliveryMode,
        string? changeSummary,
        string createdBy,
        DateTimeOffset createdAt) =>
        new(id, orgId, templateId, revisionNumber, config, deliveryMode, changeSummary, createdBy, createdAt);
}
