using Signal.Application.Pipelines.Collector;
using Signal.Domain.Common;
using Signal.Infrastructure.Persistence;

namespace Signal.Infrastructure.Pipelines;

public sealed class CollectorBuilds(DbSession session) : ICollectorBuilds
{
    private const string Columns =
        "b.id, b.org_id, b.pipeline_id, b.status, b.filename, b.version_hash, b.file_size_bytes, b.error, b.requested_at, b.built_at";

    private const string RequestSql = $"""
        INSERT INTO collector_builds (id, org_id, pipeline_id, status, requested_at)
        VALUES (@Id, @OrgId, @PipelineId, 'building', @Now)
        ON CONFLICT (pipeline_id) WHERE status = 'building' DO NOTHING;
        SELECT {Columns} FROM collector_builds b
        WHERE b.org_id = @OrgId AND b.pipeline_id = @PipelineId AND b.status = 'building'
        """;

    private const string CurrentSql = $"""
        SELECT {Columns} FROM collector_builds b
        WHERE b.org_id = @OrgId AND b.pipeline_id = @PipelineId
        ORDER BY b.status = 'building' DESC, b.requested_at DESC, b.id DESC
        LIMIT 1
        """;

    private const string LatestReadySql = $"""
        SELECT {Columns}, b.content FROM collector_builds b
        WHERE b.org_id = @OrgId AND b.pipeline_id = @PipelineId AND b.status = 'ready'
        ORDER BY b.requested_at DESC, b.id DESC
        LIMIT 1
        """;

    private const string ClaimSql = $"""
        SELECT {Columns} FROM collector_builds b
        WHERE b.status = 'building'
        ORDER BY b.requested_at, b.id
        LIMIT 1
        FOR UPDATE SKIP LOCKED
        """;

    private const string CompleteSql = """
        UPDATE collector_builds
        SET status = 'ready', filename = @Filename, version_hash = @VersionHash, file_size_bytes = @SizeBytes,
            content = @Content, built_at = @Now
        WHERE id = @Id
        """;

    private const string FailSql = "UPDATE collector_builds SET status = 'failed', error = @Reason, built_at = @Now WHERE id = @Id";

    public async Task<CollectorBuild> RequestAsync(string orgId, string pipelineId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await session.QueryLastAsync<BuildRow>(RequestSql,
            new { Id = Ids.New("bld", now), OrgId = orgId, PipelineId = pipelineId, Now = now }, cancellationToken);
        return rows.Single().ToBuild();
    }

    public async Task<CollectorBuild?> FindCurrentAsync(string orgId, string pipelineId, CancellationToken cancellationToken) =>
        (await session.QuerySingleOrDefaultAsync<BuildRow>(CurrentSql, new { OrgId = orgId, PipelineId = pipelineId }, cancellationToken))
            ?.ToBuild();

    public async Task<(CollectorBuild Build, string Content)?> FindLatestReadyAsync(
        string orgId, string pipelineId, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<BuildRow>(LatestReadySql, new { OrgId = orgId, PipelineId = pipelineId }, cancellationToken);
        return row is null ? null : (row.ToBuild(), row.Content!);
    }

    public async Task<CollectorBuild?> ClaimNextAsync(CancellationToken cancellationToken) =>
        (await session.QuerySingleOrDefaultAsync<BuildRow>(ClaimSql, new { }, cancellationToken))?.ToBuild();

    public Task CompleteAsync(string buildId, CollectorScript script, DateTimeOffset now, CancellationToken cancellationToken) =>
        session.ExecuteAsync(CompleteSql, new
        {
            Id = buildId,
            script.Filename,
            script.VersionHash,
            script.SizeBytes,
            script.Content,
            Now = now,
        }, cancellationToken);

    public Task FailAsync(string buildId, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        session.ExecuteAsync(FailSql, new { Id = buildId, Reason = reason, Now = now }, cancellationToken);

    private sealed class BuildRow
    {
        public required string Id { get; init; }

        public required string OrgId { get; init; }

        public required string PipelineId { get; init; }

        public required string Status { get; init; }

        public string? Filename { get; init; }

        public string? VersionHash { get; init; }

        public int? FileSizeBytes { get; init; }

        public string? Error { get; init; }

        public DateTimeOffset RequestedAt { get; init; }

        public DateTimeOffset? BuiltAt { get; init; }

        public string? Content { get; init; }

        public CollectorBuild ToBuild() => new(
            Id, OrgId, PipelineId,
            WireNames.Parse<CollectorBuildStatus>(Status),
            Filename, VersionHash, FileSizeBytes, Error, RequestedAt, BuiltAt);
    }
}
