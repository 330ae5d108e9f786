using System.Text.Json.Nodes;

namespace Signal.Domain.Templates;

/// <summary>
/// An immutable snapshot of a template's configuration. Created only by <see cref="Template.AddRevision"/> (or
/// rehydrated from storage); nothing can change it afterwards. <see cref="Config"/> holds secrets as stored
/// (encrypted) and is never mutated.
/// </summary>
public sealed class Revision
{
    internal Revision(
        string id,
        string orgId,
        string integrationId,
        int revisionNumber,
        JsonObject config,
        DeliveryMode deliveryMode,
        string? changeSummary,
        string createdBy,
        DateTimeOffset createdAt)
    {
        Id = id;
        OrgId = orgId;
        IntegrationId = integrationId;
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

    public string IntegrationId { get; }

    public int RevisionNumber { get; }

    public JsonObject Config { get; }

    public DeliveryMode DeliveryMode { get; }

    public string? ChangeSummary { get; }

    public string CreatedBy { get; }

    public DateTimeOffset CreatedAt { get; }

    public static Revision Rehydrate(
        string id,
        string orgId,
        string integrationId,
        int revisionNumber,
        JsonObject config,
        DeliveryMode deliveryMode,
        string? changeSummary,
        string createdBy,
        DateTimeOffset createdAt) =>
        new(id, orgId, integrationId, revisionNumber, config, deliveryMode, changeSummary, createdBy, createdAt);
}
