using Mediator;

namespace Signal.Application.PipelineIntegrations.AssignIntegration;

/// <summary>Assigns a template to a pipeline, pinned at the given revision or the latest.</summary>
public sealed record AssignIntegrationCommand(
    string PipelineId, string IntegrationId, string? RevisionId, int? RevisionNumber, bool? Enabled) : ICommand<PipelineIntegrationResponse>;
