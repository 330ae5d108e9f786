namespace Signal.Domain.Audit;

/// <summary>
/// The names of what an audit event records, <c>resource.verb</c>. A filter or a subscription may name one of these or
/// a whole resource with <c>resource.*</c>.
/// </summary>
public static class AuditActions
{
    public const string CatalogInstalled = "catalog.installed";
    public const string TemplateCreated = "integration_template.created";
    public const string TemplateUpdated = "integration_template.updated";
    public const string TemplateDeleted = "integration_template.deleted";
    public const string RevisionCreated = "integration_revision.created";
    public const string PipelineCreated = "pipeline.created";
    public const string PipelineUpdated = "pipeline.updated";
    public const string PipelineDeleted = "pipeline.deleted";
    public const string PipelineSecretRotated = "pipeline.secret_rotated";
    public const string PipelineChallengeTokenIssued = "pipeline.challenge_token_issued";
    public const string PipelineCollectorBuildRequested = "pipeline.collector_build_requested";
    public const string PipelineIntegrationCreated = "pipeline_integration.created";
    public const string PipelineIntegrationUpdated = "pipeline_integration.updated";
    public const string PipelineIntegrationDeleted = "pipeline_integration.deleted";
    public const string RolloutCreated = "rollout.created";
    public const string RolloutAdvanced = "rollout.advanced";
    public const string RolloutCompleted = "rollout.completed";
    public const string RolloutPaused = "rollout.paused";
    public const string RolloutResumed = "rollout.resumed";
    public const string RolloutAborted = "rollout.aborted";
    public const string RolloutRolledBack = "rollout.rolled_back";
    public const string WebhookCreated = "webhook.created";
    public const string WebhookUpdated = "webhook.updated";
    public const string WebhookDeleted = "webhook.deleted";
    public const string WebhookSecretRotated = "webhook.secret_rotated";
    public const string WebhookDisabled = "webhook.disabled";

    public const string Wildcard = ".*";

    public static IReadOnlyList<string> All { get; } =
    [
        CatalogInstalled,
        TemplateCreated, TemplateUpdated, TemplateDeleted,
        RevisionCreated,
        PipelineCreated, PipelineUpdated, PipelineDeleted, PipelineSecretRotated, PipelineChallengeTokenIssued, PipelineCollectorBuildRequested,
        PipelineIntegrationCreated, PipelineIntegrationUpdated, PipelineIntegrationDeleted,
        RolloutCreated, RolloutAdvanced, RolloutCompleted, RolloutPaused, RolloutResumed, RolloutAborted, RolloutRolledBack,
        WebhookCreated, WebhookUpdated, WebhookDeleted, WebhookSecretRotated, WebhookDisabled,
    ];

    /// <summary>The part before the dot: <c>pipeline</c> for <c>pipeline.updated</c>.</summary>
    public static string GroupOf(string action) => action[..action.IndexOf('.', StringComparison.Ordinal)];

    /// <summary>Every action, then every group as <c>group.*</c>: what a filter or a subscription may name.</summary>
    public static IReadOnlyList<string> Patterns { get; } =
        [.. All, .. All.Select(GroupOf).Distinct(StringComparer.Ordinal).Select(group => group + Wildcard)];
}
