using Signal.Application.Processor.GetFeed;

namespace Signal.Api.Contracts.Processor;

// The shape GET /v1/processor/config is documented with; the action writes a ProcessorFeed of this shape, whose lists are
// read from the database while the response is written.

/// <summary>One snapshot of the processor feed.</summary>
/// <param name="Version">The feed version of this snapshot; the ETag is <c>"v{version}"</c>.</param>
/// <param name="Pipelines">Every live pipeline, or with <c>since</c> those changed after it, in id order.</param>
/// <param name="RemovedPipelineKeys">With <c>since</c>: keys of the pipelines disabled or deleted after it.</param>
public sealed record ProcessorFeedResponse(long Version, IReadOnlyList<FeedPipeline> Pipelines, IReadOnlyList<string> RemovedPipelineKeys);
