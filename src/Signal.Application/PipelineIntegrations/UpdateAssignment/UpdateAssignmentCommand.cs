using Mediator;

namespace Signal.Application.PipelineIntegrations.UpdateAssignment;

/// <summary>Deploys a newer revision, rolls back to an older one, or pauses/resumes the assignment.</summary>
public sealed record UpdateAssignmentCommand(
    string PipelineId, string Id, string? RevisionId, int? RevisionNumber, bool? Enabled, string? IfMatch) : ICommand<PipelineIntegrationResponse>;
