using Mediator;

namespace Signal.Application.PipelineIntegrations.RemoveAssignment;

/// <summary>Removes a template from a pipeline: the pipeline stops delivering to it at once.</summary>
public sealed record RemoveAssignmentCommand(string PipelineId, string Id) : ICommand<RemoveAssignmentResponse>;

public sealed record RemoveAssignmentResponse(string Status);
