using Npgsql;
using Signal.Application.Common.Errors;
using Signal.Application.Pipelines;
using Signal.Domain.Pipelines;
using Signal.Infrastructure.Persistence;

namespace Signal.Infrastructure.Pipelines;

public sealed class PipelineRepository(DbSession session) : IPipelineRepository
{
    private const string FindForUpdateSql = $"""
        SELECT {PipelineRow.Columns}
        FROM pipelines p
        WHERE p.org_id = @OrgId AND p.id = @Id AND p.deleted_at IS NULL
        FOR UPDATE
        """;

    // The lock serialises creates that start from the same slug; the query then sees every slug they took.
    private const string ReserveSlugSql = """
        SELECT pg_advisory_xact_lock(hashtextextended(@OrgId || '/' || @Base, 0));
        SELECT slug FROM pipelines
        WHERE org_id = @OrgId AND deleted_at IS NULL AND (slug = @Base OR slug LIKE @Pattern ESCAPE '\')
        """;

    public async Task<Pipeline?> FindForUpdateAsync(string orgId, string id, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<PipelineRow>(FindForUpdateSql, new { OrgId = orgId, Id = id }, cancellationToken);
        return row is null ? null : session.Track(row.ToPipeline());
    }

    public async Task<string> ReserveSlugAsync(string orgId, string baseSlug, CancellationToken cancellationToken)
    {
        var taken = (await session.QueryLastAsync<string>(ReserveSlugSql,
            new { OrgId = orgId, Base = baseSlug, Pattern = DbSessionExtensions.EscapeLike(baseSlug) + "-%" }, cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(baseSlug))
        {
            return baseSlug;
        }

        var suffix = 2;
        while (taken.Contains($"{baseSlug}-{suffix}"))
        {
            suffix++;
        }

        return $"{baseSlug}-{suffix}";
    }

    public Task AddAsync(Pipeline newPipeline, CancellationToken cancellationToken) =>
        WriteAsync(PipelineRow.InsertSql, session.Track(newPipeline), cancellationToken);

    public Task SaveAsync(Pipeline changed, CancellationToken cancellationToken) => WriteAsync(PipelineRow.UpdateSql, changed, cancellationToken);

    private async Task WriteAsync(string sql, Pipeline pipeline, CancellationToken cancellationToken)
    {
        try
        {
            await session.ExecuteAsync(sql, PipelineRow.ParametersOf(pipeline), cancellationToken);
        }
        catch (PostgresException e) when (e is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pipelines_org_slug_key" })
        {
            throw new ConflictException("slug_conflict",
                $"Another pipeline of this organisation has the slug '{pipeline.Slug}'; choose another slug or leave it out to have one generated.");
        }
    }
}
