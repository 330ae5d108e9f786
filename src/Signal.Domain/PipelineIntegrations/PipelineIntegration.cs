using Signal.Domain.Common;
using Signal.Domain.Templates;

namespace Signal.Domain.PipelineIntegrations;

/// <summary>
/// A template assigned to a pipeline, pinned at one revision. Creating a revision never moves the pin; deploying,
/// rolling back and pausing are explicit changes of the pipeline integration.
/// </summary>
public sealed class PipelineIntegration
{
    public const string IdPrefix = "pi";

    private PipelineIntegration(
        string id, string orgId, string pipelineId, string templateId, string revisionId, bool enabled, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        Id = id;
        OrgId = orgId;
        PipelineId = pipelineId;
        TemplateId = templateId;
        RevisionId = revisionId;
        Enabled = enabled;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    public string Id { get; }

    public string OrgId { get; }

    public string PipelineId { get; }

    /// <summary>The template's id (<c>integration_id</c> on the wire, which calls templates integrations).</summary>
    public string TemplateId { get; }

    public string RevisionId { get; private set; }

    public bool Enabled { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>Assigns <paramref name="revision"/>'s template to a pipeline, pinned at that revision.</summary>
    public static PipelineIntegration Create(string orgId, string pipelineId, RevisionRef revision, bool enabled, DateTimeOffset now)
    {
        if (revision.OrgId != orgId)
        {
            throw new DomainRuleException("integration_id", "is not an integration template of this organisation");
        }

        return new(Ids.New(IdPrefix, now), orgId, pipelineId, revision.TemplateId, revision.Id, enabled, now, now);
    }

    public static PipelineIntegration Rehydrate(
        string id, string orgId, string pipelineId, string templateId, string revisionId, bool enabled, DateTimeOffset createdAt, DateTimeOffset updatedAt) =>
        new(id, orgId, pipelineId, templateId, revisionId, enabled, createdAt, updatedAt);

    /// <summary>Deploys a newer revision or rolls back to an older one; it must be a revision of this template.</summary>
    public void Pin(RevisionRef revision, DateTimeOffset now)
    {
        DeletedAggregateException.ThrowIfDeleted(DeletedAt, "Pipeline integration", Id);
        if (revision.TemplateId != TemplateId)
        {
            throw new DomainRuleException("revision_id", $"is not a revision of integration template '{TemplateId}'");
        }

        RevisionId = revision.Id;
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
