using System.Text.Json.Nodes;
using Signal.Application.Delivery;
using Signal.Domain.Delivery;
using Signal.Domain.Templates;

namespace Signal.Application.PipelineIntegrations;

/// <summary>Reads of pipeline integrations, scoped by organisation; deleted pipeline integrations and pipelines are never seen.</summary>
public interface IPipelineIntegrationQueries
{
    Task<IReadOnlyList<PipelineIntegrationResponse>> ListAsync(string orgId, string pipelineId, CancellationToken cancellationToken);

    Task<PipelineIntegrationResponse?> FindAsync(string orgId, string pipelineId, string id, CancellationToken cancellationToken);

    /// <summary>Live pipelines using a template, at which revision, and their status.</summary>
    Task<IReadOnlyList<TemplateUsage>> ListUsagesAsync(string orgId, string templateId, CancellationToken cancellationToken);

    /// <summary>The enabled pipeline integrations of a pipeline with their pinned revision's stored config.</summary>
    Task<IReadOnlyList<PinnedConfig>> ListEnabledConfigsAsync(string orgId, string pipelineId, CancellationToken cancellationToken);
}

/// <summary>A pipeline that uses a template (<c>GET …/integration-templates/{id}/pipelines</c>), and how its deliveries go.</summary>
public sealed record TemplateUsage(
    string PipelineId,
    string PipelineName,
    string PipelineIntegrationId,
    string RevisionId,
    int RevisionNumber,
    bool Enabled,
    DeliveryStatus Status,
    DeliverySummary Delivery);

/// <summary>An enabled pipeline integration with the stored (encrypted) config of its pinned revision.</summary>
public sealed record PinnedConfig(
    string Id,
    string IntegrationId,
    string Vendor,
    string RevisionId,
    int RevisionNumber,
    DeliveryMode DeliveryMode,
    JsonObject StoredConfig);
