using Dapper;
using Signal.Domain.Common;
using Signal.Domain.Rollouts;
using Signal.Domain.Templates;

namespace Signal.Infrastructure.Rollouts;

/// <summary>
/// The statements that read rollouts with their waves, targets and deliveries, for the repository (one rollout,
/// locked) and the queries (a page), and the rows they return, assembled into aggregates by <see cref="Assemble"/>.
/// </summary>
internal static class RolloutSql
{
    /// <summary>The rollouts matching <paramref name="condition"/> (on <c>ro</c>), newest first.</summary>
    internal static string Rollouts(string condition) => $"""
        SELECT ro.id, ro.org_id, ro.integration_id, t.name AS integration_name, ro.revision_id, r.revision_number,
               r.delivery_mode, ro.selector_labels, ro.selector_pipeline_ids, ro.bake_minutes, ro.gate_max_failure_rate,
               ro.gate_min_events, ro.status, ro.current_wave, ro.reason, ro.created_by, ro.created_at, ro.updated_at
        FROM rollouts ro
        JOIN integration_templates t ON t.id = ro.integration_id
        JOIN integration_revisions r ON r.id = ro.revision_id
        WHERE {condition}
        ORDER BY ro.created_at DESC, ro.id DESC
        """;

    /// <summary>
    /// The waves, targets and deliveries of the rollouts whose ids <paramref name="ids"/> selects (SQL returning ids):
    /// three statements. A target's deliveries are the reports for its pipeline integration that ran the rollout's
    /// revision, in windows ending after its deploy — and, once the rollout has ended, starting before it ended.
    /// </summary>
    internal static string Parts(string ids) => $"""
        SELECT rollout_id, number, percent, status, started_at, completed_at
        FROM rollout_waves WHERE rollout_id IN ({ids})
        ORDER BY rollout_id, number;
        SELECT tg.rollout_id, tg.wave_number, tg.pipeline_id, p.name AS pipeline_name, tg.pipeline_integration_id,
               tg.from_revision_id, fr.revision_number AS from_revision_number, fr.delivery_mode AS from_delivery_mode,
               tg.status, tg.deployed_at
        FROM rollout_targets tg
        JOIN pipelines p ON p.id = tg.pipeline_id
        JOIN integration_revisions fr ON fr.id = tg.from_revision_id
        WHERE tg.rollout_id IN ({ids})
        ORDER BY tg.rollout_id, tg.wave_number, tg.pipeline_id;
        SELECT tg.rollout_id, tg.pipeline_integration_id, tg.pipeline_id,
               sum(dr.delivered)::bigint AS delivered, sum(dr.failed)::bigint AS failed
        FROM rollout_targets tg
        JOIN rollouts ro ON ro.id = tg.rollout_id
        JOIN integration_revisions r ON r.id = ro.revision_id
        JOIN delivery_reports dr ON dr.pipeline_integration_id = tg.pipeline_integration_id
             AND dr.window_start > tg.deployed_at - interval '1 hour' AND dr.window_end > tg.deployed_at
             AND dr.revision_number = r.revision_number
             AND (ro.status IN ('running', 'paused') OR dr.window_start < ro.updated_at)
        WHERE tg.rollout_id IN ({ids}) AND tg.deployed_at IS NOT NULL
        GROUP BY tg.rollout_id, tg.pipeline_integration_id, tg.pipeline_id
        """;

    /// <summary>Reads the results of <see cref="Rollouts"/> followed by <see cref="Parts"/>: the rollouts, in their order.</summary>
    internal static async Task<IReadOnlyList<(Rollout Rollout, IReadOnlyList<TargetDelivery> Deliveries)>> ReadAsync(SqlMapper.GridReader results) =>
        await ReadPartsAsync(results, (await results.ReadAsync<RolloutRow>()).AsList());

    /// <summary>Reads the results of <see cref="Parts"/> and assembles them with <paramref name="rollouts"/>, read before.</summary>
    internal static async Task<IReadOnlyList<(Rollout Rollout, IReadOnlyList<TargetDelivery> Deliveries)>> ReadPartsAsync(
        SqlMapper.GridReader results, IReadOnlyList<RolloutRow> rollouts)
    {
        var waves = (await results.ReadAsync<WaveRow>()).AsList();
        var targets = (await results.ReadAsync<TargetRow>()).AsList();
        var deliveries = (await results.ReadAsync<DeliveryRow>()).AsList();
        return Assemble(rollouts, waves, targets, deliveries);
    }

    private static IReadOnlyList<(Rollout Rollout, IReadOnlyList<TargetDelivery> Deliveries)> Assemble(
        IReadOnlyList<RolloutRow> rollouts, IReadOnlyList<WaveRow> waves, IReadOnlyList<TargetRow> targets, IReadOnlyList<DeliveryRow> deliveries)
    {
        var wavesOf = waves.ToLookup(w => w.RolloutId, StringComparer.Ordinal);
        var targetsOf = targets.ToLookup(t => (t.RolloutId, t.WaveNumber));
        var deliveriesOf = deliveries.ToLookup(d => d.RolloutId, StringComparer.Ordinal);
        return [.. rollouts.Select(row => (row.ToRollout(wavesOf[row.Id]
                .Select(wave => wave.ToWave([.. targetsOf[(row.Id, wave.Number)].Select(t => t.ToTarget(row.OrgId, row.IntegrationId))]))
                .ToList()),
            (IReadOnlyList<TargetDelivery>)[.. deliveriesOf[row.Id].Select(d => new TargetDelivery(d.PipelineIntegrationId, d.PipelineId, d.Delivered, d.Failed))]))];
    }

    internal sealed class RolloutRow
    {
        public required string Id { get; init; }

        public required string OrgId { get; init; }

        public required string IntegrationId { get; init; }

        public required string IntegrationName { get; init; }

        public required string RevisionId { get; init; }

        public int RevisionNumber { get; init; }

        public required string DeliveryMode { get; init; }

        public required string[] SelectorLabels { get; init; }

        public required string[] SelectorPipelineIds { get; init; }

        public int BakeMinutes { get; init; }

        public double? GateMaxFailureRate { get; init; }

        public long? GateMinEvents { get; init; }

        public required string Status { get; init; }

        public int CurrentWave { get; init; }

        public string? Reason { get; init; }

        public required string CreatedBy { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public Rollout ToRollout(IReadOnlyList<RolloutWave> waves) => Rollout.Rehydrate(new RolloutState(
            Id, OrgId, IntegrationName,
            new RevisionRef(RevisionId, OrgId, IntegrationId, RevisionNumber, WireNames.Parse<DeliveryMode>(DeliveryMode)),
            new RolloutSelector(SelectorLabels, SelectorPipelineIds), BakeMinutes,
            GateMaxFailureRate is { } rate ? new HealthGate(rate, GateMinEvents!.Value) : null,
            WireNames.Parse<RolloutStatus>(Status), CurrentWave, waves, Reason, CreatedBy, CreatedAt, UpdatedAt));
    }

    internal sealed class WaveRow
    {
        public required string RolloutId { get; init; }

        public int Number { get; init; }

        public int Percent { get; init; }

        public required string Status { get; init; }

        public DateTimeOffset? StartedAt { get; init; }

        public DateTimeOffset? CompletedAt { get; init; }

        public RolloutWave ToWave(IReadOnlyList<RolloutTarget> targets) =>
            new(Number, Percent, WireNames.Parse<WaveStatus>(Status), StartedAt, CompletedAt, targets);
    }

    internal sealed class TargetRow
    {
        public required string RolloutId { get; init; }

        public int WaveNumber { get; init; }

        public required string PipelineId { get; init; }

        public required string PipelineName { get; init; }

        public required string PipelineIntegrationId { get; init; }

        public required string FromRevisionId { get; init; }

        public int FromRevisionNumber { get; init; }

        public required string FromDeliveryMode { get; init; }

        public required string Status { get; init; }

        public DateTimeOffset? DeployedAt { get; init; }

        public RolloutTarget ToTarget(string orgId, string templateId) => new(PipelineId, PipelineName, PipelineIntegrationId,
            new RevisionRef(FromRevisionId, orgId, templateId, FromRevisionNumber, WireNames.Parse<DeliveryMode>(FromDeliveryMode)),
            WireNames.Parse<TargetStatus>(Status), DeployedAt);
    }

    internal sealed class DeliveryRow
    {
        public required string RolloutId { get; init; }

        public required string PipelineIntegrationId { get; init; }

        public required string PipelineId { get; init; }

        public long Delivered { get; init; }

        public long Failed { get; init; }
    }
}
