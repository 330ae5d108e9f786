using System.Text;
using Dapper;
using Signal.Application.Common.Paging;
using Signal.Application.Delivery;
using Signal.Application.Delivery.ListDeliveryHealth;
using Signal.Infrastructure.Persistence;

namespace Signal.Infrastructure.Delivery;

/// <summary>
/// The delivery-health list, driven by the rollups' worst-first indexes: the page is an index range joined to its
/// pipeline integrations, the total a sum of the kept counts — neither reads raw reports nor another organisation's rows.
/// </summary>
public sealed class DeliveryHealthQueries(DbSession session, DeliverySettings settings) : IDeliveryHealthQueries
{
    private const string WorstFirst = "d.status_rank, d.failure_rate DESC NULLS LAST, d.pipeline_integration_id";

    public async Task<Page<PipelineIntegrationHealth>> ListAsync(string orgId, ListDeliveryHealthQuery query, CancellationToken cancellationToken)
    {
        var (countSql, pageSql) = Sql(query);
        var (rows, total) = await session.QueryPageAsync<HealthRow>(countSql, pageSql, Parameters(orgId, query, settings), cancellationToken);
        return new Page<PipelineIntegrationHealth>(rows.Select(r => r.ToHealth()).ToList(), total);
    }

    /// <summary>The count and the page statements for <paramref name="query"/>: only the filters given become conditions.</summary>
    public static (string Count, string Page) Sql(ListDeliveryHealthQuery query)
    {
        var where = new StringBuilder("d.org_id = @OrgId");
        if (query.PipelineId is not null)
        {
            where.Append(" AND d.pipeline_id = @PipelineId");
        }

        if (query.IntegrationId is not null)
        {
            where.Append(" AND d.integration_id = @IntegrationId");
        }

        if (query.Status is not null)
        {
            // The rank leads the worst-first index, the status itself does not.
            where.Append(" AND d.status_rank = @StatusRank");
        }

        // The page is cut from the index first; only its rows are joined to what they show. The pipeline's name is one
        // index lookup per row of the page: as a plain join, the planner could pick a merge join that walks the
        // pipelines' primary key from its start to reach the page's few pipelines (thousands of rows for one).
        var page = $"""
            SELECT pi.id, pi.pipeline_id, p.name AS pipeline_name, pi.integration_id, t.name AS integration_name, t.vendor,
                   r.revision_number, pi.enabled, {DeliverySql.Columns}
            FROM (SELECT * FROM delivery_rollups d WHERE {where} ORDER BY {WorstFirst} LIMIT @Limit OFFSET @Offset) d
            JOIN pipeline_integrations pi ON pi.id = d.pipeline_integration_id
            CROSS JOIN LATERAL (SELECT p.name FROM pipelines p WHERE p.id = pi.pipeline_id AND p.org_id = d.org_id LIMIT 1) p
            JOIN integration_templates t ON t.id = pi.integration_id
            JOIN integration_revisions r ON r.id = pi.revision_id
            ORDER BY {WorstFirst}
            """;
        return (query.PipelineId is null ? CountFromCounts(query) : $"SELECT count(*) FROM delivery_rollups d WHERE {where}", page);
    }

    // A pipeline has a handful of pipeline integrations to count; an organisation or a template can have tens of
    // thousands, so their totals come from the counts the triggers keep.
    private static string CountFromCounts(ListDeliveryHealthQuery query)
    {
        var sql = new StringBuilder("SELECT coalesce(sum(c.pipeline_integrations), 0)::bigint FROM delivery_status_counts c WHERE c.org_id = @OrgId");
        if (query.IntegrationId is not null)
        {
            sql.Append(" AND c.integration_id = @IntegrationId");
        }

        if (query.Status is not null)
        {
            sql.Append(" AND c.status_rank = @StatusRank");
        }

        return sql.ToString();
    }

    public static DynamicParameters Parameters(string orgId, ListDeliveryHealthQuery query, DeliverySettings settings) => DeliverySql.With(new
    {
        OrgId = orgId,
        query.PipelineId,
        query.IntegrationId,
        // DeliveryStatus is declared worst first, in the order of the table's status_rank.
        StatusRank = query.Status is { } status ? (short?)status : null,
        query.Limit,
        query.Offset,
    }, settings);

    private sealed class HealthRow : DeliverySql.ObservedDeliveryColumns
    {
        public required string Id { get; init; }

        public required string PipelineId { get; init; }

        public required string PipelineName { get; init; }

        public required string IntegrationId { get; init; }

        public required string IntegrationName { get; init; }

        public required string Vendor { get; init; }

        public int RevisionNumber { get; init; }

        public bool Enabled { get; init; }

        public PipelineIntegrationHealth ToHealth()
        {
            var (status, delivery) = ToObservedDelivery();
            return new(Id, PipelineId, PipelineName, IntegrationId, IntegrationName, Vendor, RevisionNumber, Enabled, status, delivery);
        }
    }
}
