using Mediator;

namespace Signal.Application.Pipelines.DeletePipeline;

/// <summary>Soft-deletes a pipeline: its key stops being valid at once and its slug is free again. With <c>IfMatch</c>, only if the resource is still what that ETag tagged.</summary>
public sealed record DeletePipelineCommand(string Id, string? IfMatch) : ICommand<DeletePipelineResponse>;

/// <summary>The delete response: <c>{ "status": "deleted" }</c>.</summary>
public sealed record DeletePipelineResponse(string Status);
