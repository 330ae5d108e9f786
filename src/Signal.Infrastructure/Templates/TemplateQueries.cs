using Signal.Application.Common.Paging;
using Signal.Application.Templates;
using Signal.Infrastructure.Persistence;

namespace Signal.Infrastructure.Templates;

public sealed class TemplateQueries(DbSession session) : ITemplateQueries
{
    private const string FindSql = $"""
        SELECT {TemplateSql.TemplateColumns}
        FROM integration_templates t
        WHERE t.org_id = @OrgId AND t.id = @Id AND t.deleted_at IS NULL
        """;

    private const string ListFilter = """
        FROM integration_templates t
        WHERE t.org_id = @OrgId AND t.deleted_at IS NULL
          AND (@Vendor::text IS NULL OR t.vendor = @Vendor)
          AND (@Search::text IS NULL OR lower(t.name) LIKE '%' || @Search || '%' ESCAPE '\')
        """;

    private const string CountSql = $"SELECT count(*) {ListFilter}";

    private const string CountRevisionsSql =
        "SELECT count(*) FROM integration_revisions r WHERE r.org_id = @OrgId AND r.integration_id = @TemplateId";

    private const string ListRevisionsSql = $"""
        SELECT {TemplateSql.RevisionColumns}
        FROM integration_revisions r
        WHERE r.org_id = @OrgId AND r.integration_id = @TemplateId
        ORDER BY r.revision_number DESC
        LIMIT @Limit OFFSET @Offset
        """;

    private static readonly string FindRevisionSql = TemplateSql.FindRevision("@TemplateId");

    public async Task<TemplateResponse?> FindAsync(string orgId, string id, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<TemplateRow>(FindSql, new { OrgId = orgId, Id = id }, cancellationToken);
        return row?.ToResponse();
    }

    public async Task<Page<TemplateResponse>> ListAsync(string orgId, TemplateFilter filter, CancellationToken cancellationToken)
    {
        var listSql = $"""
            SELECT {TemplateSql.TemplateColumns}
            {ListFilter}
            {SortSql.OrderBy(filter.Sort, "t")}
            LIMIT @Limit OFFSET @Offset
            """;
        var (rows, total) = await session.QueryPageAsync<TemplateRow>(CountSql, listSql, new
        {
            OrgId = orgId,
            filter.Vendor,
            Search = filter.Search is null ? null : DbSessionExtensions.EscapeLike(filter.Search.ToLowerInvariant()),
            filter.Limit,
            filter.Offset,
        }, cancellationToken);
        return new Page<TemplateResponse>(rows.Select(r => r.ToResponse()).ToList(), total);
    }

    public async Task<Page<StoredRevision>> ListRevisionsAsync(
        string orgId, string templateId, int limit, int offset, CancellationToken cancellationToken)
    {
        var (rows, total) = await session.QueryPageAsync<RevisionRow>(CountRevisionsSql, ListRevisionsSql,
            new { OrgId = orgId, TemplateId = templateId, Limit = limit, Offset = offset }, cancellationToken);
        return new Page<StoredRevision>(rows.Select(r => r.ToStored()).ToList(), total);
    }

    public async Task<StoredRevision?> FindRevisionAsync(
        string orgId, string templateId, int? revisionNumber, string? revisionId, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<RevisionRow>(FindRevisionSql,
            new { OrgId = orgId, TemplateId = templateId, Number = revisionNumber, RevisionId = revisionId }, cancellationToken);
        return row?.ToStored();
    }
}
