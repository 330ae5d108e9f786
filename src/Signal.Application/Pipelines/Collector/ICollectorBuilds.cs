namespace Signal.Application.Pipelines.Collector;

/// <summary>The collector build queue and its results, in the <c>collector_builds</c> table.</summary>
public interface ICollectorBuilds
{
    /// <summary>Queues a build unless one is already queued or running for the pipeline; returns that one either way.</summary>
    Task<CollectorBuild> RequestAsync(string orgId, string pipelineId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The running build if there is one, else the newest finished one; null before any.</summary>
    Task<CollectorBuild?> FindCurrentAsync(string orgId, string pipelineId, CancellationToken cancellationToken);

    /// <summary>The newest ready build with its content; null before the first.</summary>
    Task<(CollectorBuild Build, string Content)?> FindLatestReadyAsync(string orgId, string pipelineId, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the oldest queued build that no other worker holds (<c>FOR UPDATE SKIP LOCKED</c>); it stays locked until
    /// the transaction ends, so a crashed worker's job simply becomes available again.
    /// </summary>
    Task<CollectorBuild?> ClaimNextAsync(CancellationToken cancellationToken);

    Task CompleteAsync(string buildId, CollectorScript script, DateTimeOffset now, CancellationToken cancellationToken);

    Task FailAsync(string buildId, string reason, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>One build of a pipeline's collector.</summary>
public sealed record CollectorBuild(
    string Id,
    string OrgId,
    string PipelineId,
    CollectorBuildStatus Status,
    string? Filename,
    string? VersionHash,
    int? FileSizeBytes,
    string? Error,
    DateTimeOffset RequestedAt,
    DateTimeOffset? BuiltAt);

public enum CollectorBuildStatus
{
    NoBuilds,
    Building,
    Ready,
    Failed,
}

/// <summary>Where collectors send events (<c>Collector:IngestUrl</c>) and how often the worker looks for builds.</summary>
public sealed record CollectorSettings(string IngestUrl, TimeSpan PollInterval);
