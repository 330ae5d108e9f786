using Signal.Domain.Common;

namespace Signal.Domain.PipelineIntegrations;

/// <summary>
/// A template assigned to a pipeline, pinned at one revision. Creating a revision never moves the pin; deploying,
/// rolling back and pausing are explicit changes of the assignment.
/// </summary>
public sealed class PipelineIntegration
{
    public const string IdPrefix = "pi";

    private PipelineIntegration(
        string id, string orgId, string pipelineId, string integrationId, string revisionId, bool enabled, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        Id = id;
        OrgId = orgId;
        PipelineId = pipelineId;
        IntegrationId = integrationId;
        RevisionId = revisionId;
        Enabled = enabled;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    public string Id { get; }

    public string OrgId { get; }

    public string PipelineId { get; }

    /// <summary>The template's id (the wire calls templates integrations: <c>integration_id</c>).</summary>
    public string IntegrationId { get; }

    public string RevisionId { get; private set; }

    public bool Enabled { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public static PipelineIntegration Create(
        string orgId, string pipelineId, string integrationId, string revisionId, bool enabled, DateTimeOffset now) =>
        new(Ids.New(IdPrefix, now), orgId, pipelineId, integrationId, revisionId, enabled, now, now);

    public static PipelineIntegration Rehydrate(
        string id, string orgId, string pipelineId, string integrationId, string revisionId, bool enabled, DateTimeOffset createdAt, DateTimeOffset updatedAt) =>
        new(id, orgId, pipelineId, integrationId, revisionId, enabled, createdAt, updatedAt);

    /// <summary>Deploys a newer revision or rolls back to an older one (the caller has checked it is of this template).</summary>
    public void Pin(string revisionId, DateTimeOffset now)
    {
        DeletedAggregateException.ThrowIfDeleted(DeletedAt, "Pipeline integration", Id);
        RevisionId = revisionId;
        UpdatedAt = now;
    }

    /// <summary>Pauses (false) or resumes (true) delivery to this integration.</summary>
    public void SetEnabled(bool enabled, DateTimeOffset now)
    {
        DeletedAggregateException.ThrowIfDeleted(DeletedAt, "Pipeline integration", Id);
        Enabled = enabled;
        UpdatedAt = now;
    }

    public void Delete(DateTimeOffset now)
    {
        DeletedAggregateException.ThrowIfDeleted(DeletedAt, "Pipeline integration", Id);
        DeletedAt = now;
        UpdatedAt = now;
    }
}
