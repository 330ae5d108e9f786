namespace Signal.IntegrationTests.Infrastructure;

/// <summary>
/// What must hold in the database whatever happened to it — run after every fault scenario. Each check is a query that
/// returns the offending rows; the schema enforces some of these too, and the checker holds it to that.
/// </summary>
public static class Invariants
{
    private static readonly (string Rule, string Sql)[] Checks =
    [
        ("revision numbers run 1..n without gaps or duplicates per template", """
            SELECT integration_id FROM integration_revisions GROUP BY integration_id
            HAVING min(revision_number) <> 1 OR max(revision_number) <> count(*) OR count(DISTINCT revision_number) <> count(*)
            """),
        ("every revision belongs to a template of its organisation", """
            SELECT r.id FROM integration_revisions r LEFT JOIN integration_templates t ON t.id = r.integration_id
            WHERE t.id IS NULL OR t.org_id <> r.org_id
            """),
        ("every assignment names a pipeline, template and revision of its organisation, the revision of that template", """
            SELECT pi.id FROM pipeline_integrations pi
            LEFT JOIN pipelines p ON p.id = pi.pipeline_id
            LEFT JOIN integration_templates t ON t.id = pi.integration_id
            LEFT JOIN integration_revisions r ON r.id = pi.revision_id
            WHERE p.id IS NULL OR t.id IS NULL OR r.id IS NULL
               OR p.org_id <> pi.org_id OR t.org_id <> pi.org_id OR r.org_id <> pi.org_id OR r.integration_id <> pi.integration_id
            """),
        ("every collector build belongs to a pipeline of its organisation", """
            SELECT b.id FROM collector_builds b LEFT JOIN pipelines p ON p.id = b.pipeline_id
            WHERE p.id IS NULL OR p.org_id <> b.org_id
            """),
        ("each organisation's audit events run 1..n and its chain head is the last of them", """
            SELECT org_id FROM audit_events GROUP BY org_id HAVING min(sequence) <> 1 OR max(sequence) <> count(*)
            UNION
            SELECT h.org_id FROM audit_chain_heads h
            LEFT JOIN audit_events e ON e.org_id = h.org_id AND e.sequence = h.last_sequence
            WHERE (h.last_sequence > 0 OR e.id IS NOT NULL) AND (e.id IS NULL OR e.hash <> h.last_hash OR e.occurred_at <> h.last_occurred_at)
            """),
        ("each organisation's audit events are in time order", """
            SELECT e.id FROM audit_events e
            JOIN audit_events previous ON previous.org_id = e.org_id AND previous.sequence = e.sequence - 1
            WHERE e.occurred_at < previous.occurred_at
            """),
        ("every live pipeline integration of a live pipeline has its delivery rollup, and nothing else has one", """
            SELECT pi.id FROM pipeline_integrations pi
            JOIN pipelines p ON p.id = pi.pipeline_id AND p.deleted_at IS NULL
            LEFT JOIN delivery_rollups d ON d.pipeline_integration_id = pi.id
            WHERE pi.deleted_at IS NULL AND d.pipeline_integration_id IS NULL
            UNION
            SELECT d.pipeline_integration_id FROM delivery_rollups d
            LEFT JOIN pipeline_integrations pi ON pi.id = d.pipeline_integration_id AND pi.deleted_at IS NULL
            LEFT JOIN pipelines p ON p.id = pi.pipeline_id AND p.deleted_at IS NULL
            WHERE p.id IS NULL OR pi.org_id <> d.org_id OR pi.pipeline_id <> d.pipeline_id OR pi.integration_id <> d.integration_id
            """),
        ("the delivery status counts are the rollups counted", """
            SELECT coalesce(c.org_id, r.org_id) FROM delivery_status_counts c
            FULL JOIN (SELECT org_id, integration_id, status_rank, count(*) AS n FROM delivery_rollups GROUP BY 1, 2, 3) r
                ON r.org_id = c.org_id AND r.integration_id = c.integration_id AND r.status_rank = c.status_rank
            WHERE coalesce(c.pipeline_integrations, 0) <> coalesce(r.n, 0)
            """),
        ("a pipeline integration is owned by an active rollout it is a target of, and every such target of an active rollout is owned", """
            SELECT pi.id FROM pipeline_integrations pi
            LEFT JOIN rollouts ro ON ro.id = pi.active_rollout_id AND ro.status IN ('running', 'paused')
            LEFT JOIN rollout_targets tg ON tg.rollout_id = ro.id AND tg.pipeline_integration_id = pi.id
            WHERE pi.active_rollout_id IS NOT NULL AND (ro.id IS NULL OR tg.rollout_id IS NULL)
            UNION
            SELECT tg.pipeline_integration_id FROM rollout_targets tg
            JOIN rollouts ro ON ro.id = tg.rollout_id AND ro.status IN ('running', 'paused')
            JOIN pipeline_integrations pi ON pi.id = tg.pipeline_integration_id AND pi.deleted_at IS NULL
            WHERE tg.status IN ('pending', 'deployed') AND pi.active_rollout_id IS DISTINCT FROM ro.id
            """),
        ("a rollout's deployed targets run its revision, and its rolled-back ones the revision they had", """
            SELECT tg.pipeline_integration_id FROM rollout_targets tg
            JOIN rollouts ro ON ro.id = tg.rollout_id AND ro.status IN ('running', 'paused', 'rolled_back')
            JOIN pipeline_integrations pi ON pi.id = tg.pipeline_integration_id AND pi.deleted_at IS NULL
            WHERE (tg.status = 'deployed' AND pi.revision_id <> ro.revision_id)
               OR (tg.status = 'rolled_back' AND pi.revision_id <> tg.from_revision_id AND ro.status = 'rolled_back'
                   AND pi.active_rollout_id IS NULL AND pi.updated_at <= ro.updated_at)
            """),
        ("pipeline key secrets are stored encrypted", """
            SELECT id FROM pipelines WHERE secret_ciphertext NOT LIKE 'enc:v1:%' OR secret_prefix NOT LIKE 'sk\_%'
            """),
    ];

    /// <summary>Fails naming every broken rule; <paramref name="plaintexts"/> are secret values the scenario sent.</summary>
    public static async Task ShouldHoldAsync(params string[] plaintexts)
    {
        var broken = new List<string>();
        foreach (var (rule, sql) in Checks)
        {
            var offenders = await Db.QueryAsync<string>(sql);
            if (offenders.Count > 0)
            {
                broken.Add($"{rule}: {string.Join(", ", offenders)}");
            }
        }

        var dump = await Db.DumpAllTablesAsync();
        broken.AddRange(SecretPatterns.Find(dump).Select(leak => $"no plaintext secret in any table: {leak}"));
        broken.AddRange(plaintexts.Where(p => dump.Contains(p, StringComparison.Ordinal)).Select(p => $"no plaintext secret in any table: {p}"));
        broken.Should().BeEmpty();
    }
}
