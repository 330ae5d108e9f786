using Mediator;

namespace Signal.Application.PipelineIntegrations.RemoveAssignment;

/// <summary>Removes a template from a pipeline: the pipeline stops delivering to it at once. With <c>IfMatch</c>, only if the resource is still what that ETag tagged.</summary>
public sealed record RemoveAssignmentCommand(string PipelineId, string Id, string? IfMatch) : ICommand<RemoveAssignmentResponse>;

public sealed record RemoveAssignmentResponse(string Status);
