using Mediator;
using Signal.Application.Pipelines.Collector;

namespace Signal.Application.Pipelines.GetCollectorStatus;

public sealed record GetCollectorStatusQuery(string PipelineId) : IQuery<CollectorStatusResponse>;

/// <summary>A collector's status: <c>no_builds</c>, <c>building</c>, <c>ready</c>, or <c>failed</c> with an <c>error</c>.</summary>
public sealed record CollectorStatusResponse(
    CollectorBuildStatus Status,
    string PipelineId,
    string? BuildId,
    string? VersionHash,
    int? FileSizeBytes,
    DateTimeOffset? BuiltAt,
    string? Error);
