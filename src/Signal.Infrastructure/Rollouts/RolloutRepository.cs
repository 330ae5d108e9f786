using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Signal.Application.PipelineIntegrations;
using Signal.Application.Rollouts;
using Signal.Domain.Common;
using Signal.Domain.PipelineIntegrations;
using Signal.Domain.Rollouts;
using Signal.Domain.Templates;
using Signal.Infrastructure.Persistence;
using Signal.Infrastructure.Templates;

namespace Signal.Infrastructure.Rollouts;

/// <summary>
/// Rollouts and the pipeline integrations they change. Pipeline integrations are always locked in id order (as every
/// writer that locks several does), and read in the locking statement only from their own row: a row re-read after a
/// lock wait is joined to other tables as they were when the statement began, so a join on its revision could drop it.
/// </summary>
public sealed class RolloutRepository(DbSession session) : IRolloutRepository
{
    // A pipeline integration row locked for a change, with what rehydrating it needs: scalar subqueries, not joins,
    // read the revision it points to after the lock.
    private const string LockedPipelineIntegrationColumns = """
        pi.id, pi.pipeline_id, pi.integration_id, t.name AS integration_name, pi.revision_id,
        (SELECT r.revision_number FROM integration_revisions r WHERE r.id = pi.revision_id) AS revision_number,
        (SELECT r.delivery_mode FROM integration_revisions r WHERE r.id = pi.revision_id) AS delivery_mode,
        pi.enabled, pi.created_at, pi.updated_at, pi.active_rollout_id
        """;

    private const string TemplateSqlText = """
        SELECT t.name, t.vendor FROM integration_templates t
        WHERE t.org_id = @OrgId AND t.id = @TemplateId AND t.deleted_at IS NULL
        """;

    private static readonly string WantedRevisionSql = TemplateSql.FindRevision("@TemplateId");

    private const string LatestRevisionSql = $"""
        SELECT {TemplateSql.RevisionColumns}
        FROM integration_templates t
        JOIN integration_revisions r ON r.integration_id = t.id AND r.revision_number = t.latest_revision_number
        WHERE t.org_id = @OrgId AND t.id = @TemplateId AND t.deleted_at IS NULL
        """;

    private const string CandidatesSql = $"""
        SELECT p.name AS pipeline_name, p.parameters, {LockedPipelineIntegrationColumns}
        FROM pipeline_integrations pi
        JOIN pipelines p ON p.id = pi.pipeline_id AND p.deleted_at IS NULL
        JOIN integration_templates t ON t.id = pi.integration_id
        WHERE pi.org_id = @OrgId AND pi.integration_id = @TemplateId AND pi.deleted_at IS NULL
          AND p.labels @> @Labels AND (cardinality(@PipelineIds) = 0 OR p.id = ANY(@PipelineIds))
        ORDER BY pi.id
        """;

    // The live pipeline integrations among those <paramref name="ids"/> (SQL) selects, locked in id order.
    private static string LockSql(string ids) => $"""
        SELECT {LockedPipelineIntegrationColumns}
        FROM pipeline_integrations pi
        JOIN pipelines p ON p.id = pi.pipeline_id AND p.deleted_at IS NULL
        JOIN integration_templates t ON t.id = pi.integration_id
        WHERE pi.org_id = @OrgId AND pi.id IN ({ids}) AND pi.deleted_at IS NULL
        ORDER BY pi.id
        FOR UPDATE OF pi
        """;

    private static readonly string LockByIdSql = LockSql("SELECT unnest(@Ids::text[])");

    private const string ClaimSql = """
        SELECT id, org_id FROM rollouts
        WHERE status = 'running' AND id > @After
        ORDER BY id
        LIMIT 1
        FOR UPDATE SKIP LOCKED
        """;

    private static readonly string LockRolloutSql = RolloutSql.Rollouts("ro.org_id = @OrgId AND ro.id = @Id") + "\nFOR UPDATE OF ro";

    // After the rollout's lock, so the targets it reads are the ones no other step can change any more.
    private static readonly string LockDeployedSql = LockSql(
        "SELECT pipeline_integration_id FROM rollout_targets WHERE rollout_id = @Id AND status = 'deployed'");

    private static readonly string FindForChangeSql = $"{LockRolloutSql};\n{RolloutSql.Parts("@Id")}";

    private static readonly string FindForRollBackSql = $"{LockRolloutSql};\n{LockDeployedSql};\n{RolloutSql.Parts("@Id")}";

    private const string InsertSql = """
        INSERT INTO rollouts (id, org_id, integration_id, revision_id, selector_labels, selector_pipeline_ids, bake_minutes,
                              gate_max_failure_rate, gate_min_events, status, current_wave, reason, created_by, created_at, updated_at)
        VALUES (@Id, @OrgId, @TemplateId, @RevisionId, @Labels, @PipelineIds, @BakeMinutes, @GateMaxFailureRate, @GateMinEvents,
                @Status, @CurrentWave, @Reason, @CreatedBy, @CreatedAt, @UpdatedAt);
        INSERT INTO rollout_waves (rollout_id, number, percent, status, started_at, completed_at)
        SELECT @Id, w.number, w.percent, w.status, w.started_at, w.completed_at
        FROM jsonb_to_recordset(@Waves::jsonb) AS w(number integer, percent integer, status text, started_at timestamptz, completed_at timestamptz);
        INSERT INTO rollout_targets (rollout_id, pipeline_integration_id, wave_number, pipeline_id, from_revision_id, status, deployed_at)
        SELECT @Id, tg.pipeline_integration_id, tg.wave_number, tg.pipeline_id, tg.from_revision_id, tg.status, tg.deployed_at
        FROM jsonb_to_recordset(@Targets::jsonb) AS tg(pipeline_integration_id text, wave_number integer, pipeline_id text,
                                                       from_revision_id text, status text, deployed_at timestamptz);
        """;

    private const string UpdateSql = """
        UPDATE rollouts SET status = @Status, current_wave = @CurrentWave, reason = @Reason, updated_at = @UpdatedAt
        WHERE org_id = @OrgId AND id = @Id;
        UPDATE rollout_waves w SET status = u.status, started_at = u.started_at, completed_at = u.completed_at
        FROM jsonb_to_recordset(@Waves::jsonb) AS u(number integer, status text, started_at timestamptz, completed_at timestamptz)
        WHERE w.rollout_id = @Id AND w.number = u.number
          AND (w.status, w.started_at, w.completed_at) IS DISTINCT FROM (u.status, u.started_at, u.completed_at);
        UPDATE rollout_targets tg SET status = u.status, deployed_at = u.deployed_at
        FROM jsonb_to_recordset(@Targets::jsonb) AS u(pipeline_integration_id text, status text, deployed_at timestamptz)
        WHERE tg.rollout_id = @Id AND tg.pipeline_integration_id = u.pipeline_integration_id
          AND (tg.status, tg.deployed_at) IS DISTINCT FROM (u.status, u.deployed_at);
        """;

    // The pipeline integrations a rollout pinned, and (while it is active) owns; once it has ended, released.
    private const string PipelineIntegrationsSql = """
        UPDATE pipeline_integrations pi
        SET revision_id = u.revision_id, updated_at = u.updated_at,
            active_rollout_id = CASE WHEN @Active THEN @Id ELSE pi.active_rollout_id END
        FROM jsonb_to_recordset(@PipelineIntegrations::jsonb) AS u(id text, revision_id text, updated_at timestamptz)
        WHERE pi.org_id = @OrgId AND pi.id = u.id;
        UPDATE pipeline_integrations SET active_rollout_id = NULL WHERE active_rollout_id = @Id AND NOT @Active
        """;

    public async Task<RolloutCandidates> FindCandidatesAsync(
        string orgId, string templateId, WantedRevision? wanted, RolloutSelector selector, bool lockTargets, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var sql = string.Join(";\n", TemplateSqlText, wanted is null ? LatestRevisionSql : WantedRevisionSql,
            lockTargets ? CandidatesSql + "\nFOR UPDATE OF pi" : CandidatesSql);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, new
        {
            OrgId = orgId,
            TemplateId = templateId,
            wanted?.Number,
            RevisionId = wanted?.Id,
            Labels = selector.Labels.ToArray(),
            PipelineIds = selector.PipelineIds.ToArray(),
        }, session.Transaction, cancellationToken: cancellationToken));
        var template = await results.ReadSingleOrDefaultAsync<RolloutTemplateRow>();
        var revision = await results.ReadSingleOrDefaultAsync<RevisionRow>();
        var candidates = (await results.ReadAsync<CandidateRow>()).Select(row =>
        {
            var pipelineIntegration = session.Track(row.ToPipelineIntegration(orgId));
            var from = new RevisionRef(row.RevisionId, orgId, row.IntegrationId, row.RevisionNumber, WireNames.Parse<DeliveryMode>(row.DeliveryMode));
            return new RolloutCandidateFacts(
                new RolloutCandidate(row.PipelineId, row.PipelineName, row.Id, from),
                row.Parameters.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal),
                pipelineIntegration);
        }).ToList();
        return new RolloutCandidates(template is null ? null : new RolloutTemplate(template.Name, template.Vendor), revision?.ToRef(),
            revision?.Config, candidates);
    }

    public Task AddAsync(Rollout rollout, IReadOnlyCollection<PipelineIntegration> pipelineIntegrations, CancellationToken cancellationToken)
    {
        session.Track(rollout);
        var parameters = Parameters(rollout, pipelineIntegrations);
        parameters.AddDynamicParams(new
        {
            rollout.TemplateId,
            RevisionId = rollout.Revision.Id,
            Labels = rollout.Selector.Labels.ToArray(),
            PipelineIds = rollout.Selector.PipelineIds.ToArray(),
            rollout.BakeMinutes,
            GateMaxFailureRate = rollout.HealthGate?.MaxFailureRate,
            GateMinEvents = rollout.HealthGate?.MinEvents,
            rollout.CreatedBy,
            rollout.CreatedAt,
            Waves = Json(rollout.Waves.Select(w => new { w.Number, w.Percent, Status = WireNames.Of(w.Status), StartedAt = Time(w.StartedAt), CompletedAt = Time(w.CompletedAt) })),
            Targets = Json(rollout.Waves.SelectMany(w => w.Targets.Select(t => new
            {
                t.PipelineIntegrationId,
                WaveNumber = w.Number,
                t.PipelineId,
                FromRevisionId = t.From.Id,
                Status = WireNames.Of(t.Status),
                DeployedAt = Time(t.DeployedAt),
            }))),
        });
        return session.ExecuteAsync(InsertSql + PipelineIntegrationsSql, parameters, cancellationToken);
    }

    public async Task<ClaimedRollout?> ClaimNextRunningAsync(string after, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<ClaimedRolloutRow>(ClaimSql, new { After = after }, cancellationToken);
        return row is null ? null : new ClaimedRollout(row.Id, row.OrgId);
    }

    public async Task<RolloutForChange?> FindForChangeAsync(string orgId, string id, bool lockDeployed, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            lockDeployed ? FindForRollBackSql : FindForChangeSql, new { OrgId = orgId, Id = id }, session.Transaction, cancellationToken: cancellationToken));
        var rollouts = (await results.ReadAsync<RolloutSql.RolloutRow>()).AsList();
        var deployed = lockDeployed ? Track(orgId, await results.ReadAsync<LockedPipelineIntegrationRow>()) : new Dictionary<string, PipelineIntegration>();
        var found = await RolloutSql.ReadPartsAsync(results, rollouts);
        return found.Count == 0 ? null : new RolloutForChange(session.Track(found[0].Rollout), found[0].Deliveries, deployed);
    }

    public async Task<IReadOnlyDictionary<string, PipelineIntegration>> LockPipelineIntegrationsAsync(
        string orgId, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<string, PipelineIntegration>();
        }

        return Track(orgId, await session.QueryAsync<LockedPipelineIntegrationRow>(LockByIdSql, new { OrgId = orgId, Ids = ids.ToArray() }, cancellationToken));
    }

    private Dictionary<string, PipelineIntegration> Track(string orgId, IEnumerable<LockedPipelineIntegrationRow> rows) =>
        rows.ToDictionary(row => row.Id, row => session.Track(row.ToPipelineIntegration(orgId)), StringComparer.Ordinal);

    public Task SaveAsync(Rollout rollout, IReadOnlyCollection<PipelineIntegration> pipelineIntegrations, CancellationToken cancellationToken)
    {
        var parameters = Parameters(rollout, pipelineIntegrations);
        parameters.AddDynamicParams(new
        {
            Waves = Json(rollout.Waves.Select(w => new { w.Number, Status = WireNames.Of(w.Status), StartedAt = Time(w.StartedAt), CompletedAt = Time(w.CompletedAt) })),
            Targets = Json(rollout.Targets.Select(t => new { t.PipelineIntegrationId, Status = WireNames.Of(t.Status), DeployedAt = Time(t.DeployedAt) })),
        });
        return session.ExecuteAsync(UpdateSql + PipelineIntegrationsSql, parameters, cancellationToken);
    }

    // What both the insert and the update write of the rollout itself and of its pipeline integrations.
    private static DynamicParameters Parameters(Rollout rollout, IReadOnlyCollection<PipelineIntegration> pipelineIntegrations) => new(new
    {
        rollout.Id,
        rollout.OrgId,
        Status = WireNames.Of(rollout.Status),
        rollout.CurrentWave,
        rollout.Reason,
        rollout.UpdatedAt,
        Active = rollout.IsActive,
        PipelineIntegrations = Json(pipelineIntegrations.Select(pi => new { pi.Id, pi.RevisionId, UpdatedAt = Time(pi.UpdatedAt) })),
    });

    private static string Json<T>(IEnumerable<T> rows) => JsonSerializer.Serialize(rows, JsonOptions);

    // Cut to the microsecond as the wire format writes it (and as Npgsql sends a parameter), where PostgreSQL would
    // round the text of a JSON timestamp: what a response showed is what a later read shows.
    private static string? Time(DateTimeOffset? time) => time is { } value ? WireNames.Of(value) : null;

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    internal sealed class RolloutTemplateRow
    {
        public required string Name { get; init; }

        public required string Vendor { get; init; }
    }

    internal sealed class ClaimedRolloutRow
    {
        public required string Id { get; init; }

        public required string OrgId { get; init; }
    }

    internal class LockedPipelineIntegrationRow
    {
        public required string Id { get; init; }

        public required string PipelineId { get; init; }

        public required string IntegrationId { get; init; }

        public required string IntegrationName { get; init; }

        public required string RevisionId { get; init; }

        public int RevisionNumber { get; init; }

        public required string DeliveryMode { get; init; }

        public bool Enabled { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public string? ActiveRolloutId { get; init; }

        public PipelineIntegration ToPipelineIntegration(string orgId) => PipelineIntegration.Rehydrate(Id, orgId, PipelineId,
            new RevisionRef(RevisionId, orgId, IntegrationId, RevisionNumber, WireNames.Parse<DeliveryMode>(DeliveryMode)),
            IntegrationName, Enabled, CreatedAt, UpdatedAt, ActiveRolloutId);
    }

    internal sealed class CandidateRow : LockedPipelineIntegrationRow
    {
        public required string PipelineName { get; init; }

        public required JsonObject Parameters { get; init; }
    }
}
