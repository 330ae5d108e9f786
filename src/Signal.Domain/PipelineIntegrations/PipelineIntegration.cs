using System.Text.Json.Nodes;
using Signal.Domain.Audit;
using Signal.Domain.Common;
using Signal.Domain.Templates;

namespace Signal.Domain.PipelineIntegrations;

/// <summary>
/// A template assigned to a pipeline, pinned at one revision. Creating a revision never moves the pin; deploying,
/// rolling back and pausing are explicit changes of the pipeline integration.
/// </summary>
public sealed class PipelineIntegration : AggregateRoot
{
    public const string IdPrefix = "pi";

    private PipelineIntegration(
        string id, string orgId, string pipelineId, RevisionRef pinned, string templateName, bool enabled, DateTimeOffset createdAt,
        DateTimeOffset updatedAt, string? activeRolloutId)
    {
        Id = id;
        OrgId = orgId;
        PipelineId = pipelineId;
        TemplateId = pinned.TemplateId;
        TemplateName = templateName;
        RevisionId = pinned.Id;
        RevisionNumber = pinned.RevisionNumber;
        Enabled = enabled;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
        ActiveRolloutId = activeRolloutId;
    }

    public override string Id { get; }

    public override string OrgId { get; }

    public string PipelineId { get; }

    /// <summary>The template's id (<c>integration_id</c> on the wire, which calls templates integrations).</summary>
    public string TemplateId { get; }

    /// <summary>The template's name when it was loaded: what the pipeline integration is known by in its audit events.</summary>
    public string TemplateName { get; }

    public string RevisionId { get; private set; }

    public int RevisionNumber { get; private set; }

    public bool Enabled { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>
    /// The running or paused rollout that owns this pipeline integration's revision, if any: until it ends, only that
    /// rollout may pin another revision. Set and cleared by the rollout, so it is not part of this aggregate's changes.
    /// </summary>
    public string? ActiveRolloutId { get; }

    /// <summary>Assigns <paramref name="revision"/>'s template (named <paramref name="templateName"/>) to a pipeline, pinned at that revision.</summary>
    public static PipelineIntegration Create(
        string orgId, string pipelineId, RevisionRef revision, string templateName, bool enabled, DateTimeOffset now)
    {
        if (revision.OrgId != orgId)
        {
            throw new DomainRuleException("integration_id", "is not an integration template of this organisation");
        }

        var created = new PipelineIntegration(Ids.New(IdPrefix, now), orgId, pipelineId, revision, templateName, enabled, now, now, activeRolloutId: null);
        created.RecordCreation(AuditActions.PipelineIntegrationCreated, now);
        return created;
    }

    public static PipelineIntegration Rehydrate(
        string id, string orgId, string pipelineId, RevisionRef pinned, string templateName, bool enabled, DateTimeOffset createdAt,
        DateTimeOffset updatedAt, string? activeRolloutId) =>
        new(id, orgId, pipelineId, pinned, templateName, enabled, createdAt, updatedAt, activeRolloutId);

    /// <summary>
    /// Deploys a newer revision or rolls back to an older one; it must be a revision of this template. A rollout passes
    /// its id (<paramref name="rolloutId"/>); while a rollout owns this pipeline integration nothing else may move it
    /// to another revision.
    /// </summary>
    public void Pin(RevisionRef revision, DateTimeOffset now, string? rolloutId = null)
    {
        DeletedAggregateException.ThrowIfDeleted(DeletedAt, "Pipeline integration", Id);
        if (revision.TemplateId != TemplateId)
        {
            throw new DomainRuleException("revision_id", $"is not a revision of integration template '{TemplateId}'");
        }

        if (ActiveRolloutId is { } owner && owner != rolloutId && revision.Id != RevisionId)
        {
            throw new DomainConflictException("assignment_in_rollout",
                $"Pipeline integration '{Id}' is part of rollout '{owner}', which decides its revision until it ends; wait for it to complete, or abort or roll it back first.",
                new Dictionary<string, object> { ["rollout_id"] = owner });
        }

        var before = AuditedState();
        RevisionId = revision.Id;
        RevisionNumber = revision.RevisionNumber;
        UpdatedAt = now;
        RecordChange(AuditActions.PipelineIntegrationUpdated, before, now, rolloutId: rolloutId);
    }

    /// <summary>Pauses (false) or resumes (true) delivery to this integration.</summary>
    public void SetEnabled(bool enabled, DateTimeOffset now)
    {
        DeletedAggregateException.ThrowIfDeleted(DeletedAt, "Pipeline integration", Id);
        var before = AuditedState();
        Enabled = enabled;
        UpdatedAt = now;
        RecordChange(AuditActions.PipelineIntegrationUpdated, before, now);
    }

    public void Delete(DateTimeOffset now)
    {
        DeletedAggregateException.ThrowIfDeleted(DeletedAt, "Pipeline integration", Id);
        DeletedAt = now;
        UpdatedAt = now;
        RecordAction(AuditActions.PipelineIntegrationDeleted, now);
    }

    protected override string ResourceType => ResourceTypes.PipelineIntegration;

    protected override string? ResourceName => TemplateName;

    protected override JsonObject AuditedState() => State(
        ("pipeline_id", PipelineId),
        ("integration_id", TemplateId),
        ("revision_id", RevisionId),
        ("revision_number", RevisionNumber),
        ("enabled", Enabled));
}
