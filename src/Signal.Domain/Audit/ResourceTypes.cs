namespace Signal.Domain.Audit;

/// <summary>The kinds of resource an audit event is about, by their wire names.</summary>
public static class ResourceTypes
{
    public const string IntegrationTemplate = "integration_template";
    public const string IntegrationRevision = "integration_revision";
    public const string Pipeline = "pipeline";
    public const string PipelineIntegration = "pipeline_integration";
    public const string Rollout = "rollout";
    public const string Webhook = "webhook";

    public static IReadOnlyList<string> All { get; } = [IntegrationTemplate, IntegrationRevision, Pipeline, PipelineIntegration, Rollout, Webhook];
}
