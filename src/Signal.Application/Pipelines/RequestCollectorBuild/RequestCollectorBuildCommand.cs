using Mediator;
using Signal.Application.Common.Idempotency;
using Signal.Application.Pipelines.Collector;

namespace Signal.Application.Pipelines.RequestCollectorBuild;

/// <summary>Queues a collector build; a build already queued or running is returned instead of a second one.</summary>
public sealed record RequestCollectorBuildCommand(string PipelineId, string? IdempotencyKey = null)
    : ICommand<CollectorBuildAccepted>, IIdempotentCommand;

/// <summary><c>{ "status": "building", "pipeline_id": …, "build_id": … }</c>.</summary>
public sealed record CollectorBuildAccepted(CollectorBuildStatus Status, string PipelineId, string BuildId);
