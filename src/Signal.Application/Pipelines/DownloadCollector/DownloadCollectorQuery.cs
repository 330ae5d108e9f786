using Mediator;

namespace Signal.Application.Pipelines.DownloadCollector;

public sealed record DownloadCollectorQuery(string PipelineId) : IQuery<CollectorFile>;

/// <summary>The latest ready collector: served as <c>application/javascript</c> under its file name, tagged by its hash.</summary>
public sealed record CollectorFile(string Filename, string Content, string VersionHash);
