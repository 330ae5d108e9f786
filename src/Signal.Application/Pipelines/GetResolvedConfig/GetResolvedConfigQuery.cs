using System.Text.Json.Nodes;
using Mediator;
using Signal.Domain.Templates;

namespace Signal.Application.Pipelines.GetResolvedConfig;

/// <summary>What the event processor will run for a pipeline, secrets masked (docs/pipeline-integrations.md).</summary>
public sealed record GetResolvedConfigQuery(string PipelineId) : IQuery<ResolvedConfigResponse>;

public sealed record ResolvedConfigResponse(string PipelineId, IReadOnlyList<ResolvedIntegration> Integrations);

/// <summary>An enabled integration's config with parameters substituted; <c>unresolved_parameters</c> lists references the pipeline does not define.</summary>
public sealed record ResolvedIntegration(
    string Id,
    string IntegrationId,
    string Vendor,
    string RevisionId,
    int RevisionNumber,
    DeliveryMode DeliveryMode,
    JsonObject Config,
    IReadOnlyList<string> UnresolvedParameters);
