using Mediator;

namespace Signal.Application.PipelineIntegrations.UpdatePipelineIntegration;

/// <summary>Deploys a newer revision, rolls back to an older one, or pauses/resumes the pipeline integration.</summary>
public sealed record UpdatePipelineIntegrationCommand(
    string PipelineId, string Id, string? RevisionId, int? RevisionNumber, bool? Enabled, string? IfMatch) : ICommand<PipelineIntegrationResponse>;
