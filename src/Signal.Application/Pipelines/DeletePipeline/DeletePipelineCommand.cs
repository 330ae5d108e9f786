using Mediator;

namespace Signal.Application.Pipelines.DeletePipeline;

/// <summary>Soft-deletes a pipeline: its key stops being valid at once and its slug is free again.</summary>
public sealed record DeletePipelineCommand(string Id) : ICommand<DeletePipelineResponse>;

/// <summary>Seed 003: <c>{ "status": "deleted" }</c>.</summary>
public sealed record DeletePipelineResponse(string Status);
