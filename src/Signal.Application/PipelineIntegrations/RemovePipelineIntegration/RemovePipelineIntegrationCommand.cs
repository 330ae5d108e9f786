using Mediator;

namespace Signal.Application.PipelineIntegrations.RemovePipelineIntegration;

/// <summary>Removes a template from a pipeline: the pipeline stops delivering to it at once. With <c>IfMatch</c>, only if the resource is still what that ETag tagged.</summary>
public sealed record RemovePipelineIntegrationCommand(string PipelineId, string Id, string? IfMatch) : ICommand<RemoveAssignmentResponse>;

public sealed record RemoveAssignmentResponse(string Status);
