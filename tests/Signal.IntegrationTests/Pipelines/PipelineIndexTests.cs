using Dapper;
using Npgsql;
using Signal.Application.Common.Sorting;
using Signal.Application.Pipelines;
using Signal.Infrastructure.Pipelines;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Pipelines;

/// <summary>
/// On 100k pipelines (90k of them in one organisation, as a big customer would have), the list's search and label
/// filters are answered from their GIN indexes and each sort from its index (EXPLAIN), not by reading the organisation's rows.
/// </summary>
public sealed class PipelineIndexTests(SignalApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task SearchAndLabelFilters_UseTheirIndexes_On100kPipelines()
    {
        await using var connection = new NpgsqlConnection(TestSettings.ConnectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync("""
            INSERT INTO pipelines (id, org_id, name, slug, type, secret_ciphertext, secret_prefix, labels, rate_limit_rps,
                                   challenge_token_required, parameters, config, js_builder_config, identity_config, enabled,
                                   created_at, updated_at)
            SELECT 'pip_bulk' || g, CASE WHEN g % 10 = 0 THEN 'org_' || (g % 97) ELSE 'org_big' END,
                   'Site ' || md5(g::text), 'site-' || g, 'web', 'enc:v1:x', 'sk_abcd',
                   ARRAY['env:' || (ARRAY['production', 'staging', 'dev'])[g % 3 + 1], 'brand:b' || (g % 40)]
                       || CASE WHEN g % 5000 = 1 THEN ARRAY['team:rare'] ELSE '{}'::text[] END,
                   1000, false, '{}', '{}', '{}', '{}', true, now() - g * interval '1 second', now()
            FROM generate_series(1, 100000) AS g;
            ALTER TABLE pipelines ALTER COLUMN labels SET STATISTICS 10000;
            ANALYZE pipelines;
            """, commandTimeout: 300);
        // ANALYZE reads every row's labels (a statistics target of 10,000 samples 3,000,000 rows): with the default sample
        // of 30,000, whether the 20 'team:rare' rows were seen decided between the label index and a walk of the org index.
        // Names are 'Site <md5>': a term with letters no md5 has matches no row, so no ANALYZE sample can contain it and
        // the planner's estimate (from the histogram sample) cannot swing towards a sequential scan from run to run.
        var search = new PipelineFilter("q7z1", null, [], null, ListSort.Default, 50, 0);
        var twoLabels = new PipelineFilter(null, null, ["env:production", "brand:b7"], null, ListSort.Default, 50, 0);
        var rareLabel = new PipelineFilter(null, null, ["team:rare"], null, ListSort.Default, 50, 0);
        var byName = new PipelineFilter(null, null, [], null, new ListSort(SortField.Name, Descending: false), 50, 0);
        var byUpdate = new PipelineFilter(null, null, [], null, new ListSort(SortField.UpdatedAt, Descending: false), 50, 5000);

        var plans = new Dictionary<string, string>
        {
            ["search page"] = await ExplainAsync(connection, PipelineQueries.PageSql(search), search),
            ["search count"] = await ExplainAsync(connection, CountSql(search), search),
            ["labels count"] = await ExplainAsync(connection, CountSql(twoLabels), twoLabels),
            ["rare label page"] = await ExplainAsync(connection, PipelineQueries.PageSql(rareLabel), rareLabel),
            ["name sort page"] = await ExplainAsync(connection, PipelineQueries.PageSql(byName), byName),
            ["updated_at sort deep page"] = await ExplainAsync(connection, PipelineQueries.PageSql(byUpdate), byUpdate),
        };

        plans["search page"].Should().Contain("pipelines_name_trgm_idx").And.Contain("pipelines_slug_trgm_idx");
        plans["search count"].Should().Contain("pipelines_name_trgm_idx").And.Contain("pipelines_slug_trgm_idx");
        plans["labels count"].Should().Contain("pipelines_labels_idx");
        plans["rare label page"].Should().Contain("pipelines_labels_idx");
        plans["name sort page"].Should().Contain("pipelines_org_name_idx").And.NotContain("Sort Key");
        plans["updated_at sort deep page"].Should().Contain("Index Scan Backward using pipelines_org_updated_idx").And.NotContain("Sort Key");
        plans.Values.Should().OnlyContain(plan => !plan.Contains("Seq Scan on pipelines", StringComparison.Ordinal));
    }

    private static string CountSql(PipelineFilter filter) => $"SELECT count(*) FROM pipelines p WHERE {PipelineQueries.WhereClause(filter)}";

    private static async Task<string> ExplainAsync(NpgsqlConnection connection, string sql, PipelineFilter filter)
    {
        var plan = await connection.QueryAsync<string>($"EXPLAIN {sql}", new
        {
            OrgId = "org_big",
            Pattern = filter.Search is null ? null : $"%{filter.Search}%",
            Labels = filter.Labels.ToArray(),
            filter.Limit,
            filter.Offset,
        });
        return string.Join('\n', plan);
    }
}
