using Signal.Domain.Templates;

namespace Signal.Application.PipelineIntegrations;

/// <summary>
/// A template assigned to a pipeline. <c>latest_revision</c> is the template's newest revision number;
/// <c>update_available</c> says the pinned one is older.
/// </summary>
public sealed record PipelineIntegrationResponse(
    string Id,
    string PipelineId,
    string IntegrationId,
    string IntegrationName,
    string Vendor,
    string RevisionId,
    int RevisionNumber,
    int LatestRevision,
    bool UpdateAvailable,
    DeliveryMode DeliveryMode,
    bool Enabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>An assignment pinned at <paramref name="revisionNumber"/>: the one place <c>update_available</c> is decided.</summary>
    public static PipelineIntegrationResponse Of(
        string id,
        string pipelineId,
        string integrationId,
        string integrationName,
        string vendor,
        string revisionId,
        int revisionNumber,
        int latestRevision,
        DeliveryMode deliveryMode,
        bool enabled,
        DateTimeOffset createdAt,
        DateTimeOffset updatedAt) => new(id, pipelineId, integrationId, integrationName, vendor, revisionId, revisionNumber,
        latestRevision, revisionNumber < latestRevision, deliveryMode, enabled, createdAt, updatedAt);

    /// <summary>The same assignment pinned at another revision of its template.</summary>
    public PipelineIntegrationResponse PinnedAt(Revision revision) => Of(Id, PipelineId, IntegrationId, IntegrationName, Vendor,
        revision.Id, revision.RevisionNumber, LatestRevision, revision.DeliveryMode, Enabled, CreatedAt, UpdatedAt);
}

/// <summary>The pipeline's assignments, oldest first.</summary>
public sealed record ListAssignmentsResponse(IReadOnlyList<PipelineIntegrationResponse> Integrations, int Total);
