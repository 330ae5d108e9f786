using Mediator;
using Signal.Application.Common.Idempotency;
using Signal.Domain.Pipelines;

namespace Signal.Application.Pipelines.CreatePipeline;

/// <summary>Creates a pipeline with a new key and secret; fields left out take their defaults.</summary>
public sealed record CreatePipelineCommand(PipelineFields Fields, string? IdempotencyKey = null)
    : ICommand<CreatedPipelineResponse>, IIdempotentCommand;
