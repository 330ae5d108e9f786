using System.Text;
using Dapper;
using Signal.Application.Common.Paging;
using Signal.Application.Pipelines;
using Signal.Domain.Common;
using Signal.Domain.Pipelines;
using Signal.Infrastructure.Persistence;

namespace Signal.Infrastructure.Pipelines;

public sealed class PipelineQueries(DbSession session, AvailableLabelsCache labelsCache) : IPipelineQueries
{
    private const string FindSql = $"""
        SELECT {PipelineRow.Columns}
        FROM pipelines p
        WHERE p.org_id = @OrgId AND p.id = @Id AND p.deleted_at IS NULL
        """;

    private const string FindByIdOrSlugSql = $"""
        SELECT {PipelineRow.Columns}
        FROM pipelines p
        WHERE p.org_id = @OrgId AND (p.id = @IdOrSlug OR p.slug = @IdOrSlug) AND p.deleted_at IS NULL
        ORDER BY p.id = @IdOrSlug DESC
        LIMIT 1
        """;

    // The org's newest pipeline version, and its labels only when that is not the version already cached (the
    // subquery in CASE runs only when reached).
    private const string AvailableLabelsSql = """
        WITH v AS (SELECT coalesce(max(feed_version), 0) AS version FROM pipelines WHERE org_id = @OrgId)
        SELECT v.version,
               CASE WHEN v.version = @KnownVersion THEN NULL ELSE ARRAY(
                   SELECT DISTINCT label FROM pipelines p, unnest(p.labels) AS label
                   WHERE p.org_id = @OrgId AND p.deleted_at IS NULL ORDER BY label) END AS labels
        FROM v
        """;

    public async Task<Pipeline?> FindAsync(string orgId, string id, CancellationToken cancellationToken) =>
        (await session.QuerySingleOrDefaultAsync<PipelineRow>(FindSql, new { OrgId = orgId, Id = id }, cancellationToken))?.ToPipeline();

    public async Task<Pipeline?> FindByIdOrSlugAsync(string orgId, string idOrSlug, CancellationToken cancellationToken) =>
        (await session.QuerySingleOrDefaultAsync<PipelineRow>(FindByIdOrSlugSql, new { OrgId = orgId, IdOrSlug = idOrSlug }, cancellationToken))
            ?.ToPipeline();

    public async Task<PipelinePage> ListAsync(string orgId, PipelineFilter filter, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT count(*) FROM pipelines p WHERE {WhereClause(filter)};
            {PageSql(filter)};
            {AvailableLabelsSql}
            """;
        var known = labelsCache.Find(orgId);
        var connection = await session.ConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, new
        {
            OrgId = orgId,
            Pattern = filter.Search is null ? null : $"%{DbSessionExtensions.EscapeLike(filter.Search)}%",
            Type = filter.Type is { } type ? WireNames.Of(type) : null,
            Labels = filter.Labels.ToArray(),
            filter.Enabled,
            filter.Limit,
            filter.Offset,
            KnownVersion = known.Version,
        }, session.Transaction, cancellationToken: cancellationToken));

        var total = await results.ReadSingleAsync<long>();
        var rows = await results.ReadAsync<SummaryRow>();
        var summaries = rows.Select(r => r.ToSummary()).ToList();
        var (version, fresh) = await results.ReadSingleAsync<(long, string[]?)>();
        if (fresh is null)
        {
            return new PipelinePage(new Page<PipelineSummary>(summaries, (int)total), known.Labels);
        }

        labelsCache.Remember(orgId, version, fresh);
        return new PipelinePage(new Page<PipelineSummary>(summaries, (int)total), fresh);
    }

    /// <summary>
    /// One page in the asked order. With a search the matches are collected first (a materialised CTE): otherwise the planner,
    /// which cannot tell how rare a substring is, may walk the org's newest-first index hoping to meet 50 matches soon,
    /// and read every row of a big organisation when the term is rare. The trigram indexes find the matches directly.
    /// </summary>
    public static string PageSql(PipelineFilter filter)
    {
        const string Columns = "p.id, p.name, p.slug, p.type, p.labels, p.enabled, p.created_at, p.updated_at";
        var orderBy = SortSql.OrderBy(filter.Sort, "p");
        return filter.Search is null
            ? $"SELECT {Columns} FROM pipelines p WHERE {WhereClause(filter)} {orderBy} LIMIT @Limit OFFSET @Offset"
            : $"""
              WITH p AS MATERIALIZED (SELECT {Columns} FROM pipelines p WHERE {WhereClause(filter)})
              SELECT {Columns} FROM p {orderBy} LIMIT @Limit OFFSET @Offset
              """;
    }

    /// <summary>
    /// Only the filters that are set become SQL (a fixed fragment each), so every combination gets a plan that uses its
    /// index instead of a catch-all <c>@x IS NULL OR …</c> plan.
    /// </summary>
    public static string WhereClause(PipelineFilter filter)
    {
        var where = new StringBuilder("p.org_id = @OrgId AND p.deleted_at IS NULL");
        if (filter.Search is not null)
        {
            where.Append(@" AND (lower(p.name) LIKE @Pattern ESCAPE '\' OR p.slug LIKE @Pattern ESCAPE '\')");
        }

        if (filter.Type is not null)
        {
            where.Append(" AND p.type = @Type");
        }

        if (filter.Labels.Count > 0)
        {
            where.Append(" AND p.labels @> @Labels");
        }

        if (filter.Enabled is not null)
        {
            where.Append(" AND p.enabled = @Enabled");
        }

        return where.ToString();
    }

    private sealed class SummaryRow
    {
        public required string Id { get; init; }

        public required string Name { get; init; }

        public required string Slug { get; init; }

        public required string Type { get; init; }

        public required string[] Labels { get; init; }

        public bool Enabled { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public PipelineSummary ToSummary() => new(
            Id, Name, Slug, WireNames.Parse<PipelineType>(Type),
            Pipeline.KeyPrefix + Id, Labels, Enabled, CreatedAt, UpdatedAt);
    }
}
