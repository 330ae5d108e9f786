using Dapper;
using Npgsql;
using Signal.Application.Common.Errors;
using Signal.Application.Delivery;
using Signal.Application.PipelineIntegrations;
using Signal.Domain.PipelineIntegrations;
using Signal.Domain.Templates;
using Signal.Infrastructure.Delivery;
using Signal.Infrastructure.Persistence;
using Signal.Infrastructure.Templates;

namespace Signal.Infrastructure.PipelineIntegrations;

public sealed class PipelineIntegrationRepository(DbSession session, DeliverySettings delivery) : IPipelineIntegrationRepository
{
    // The lock is a statement of its own, so the read after it sees the row as the transaction it waited for left it
    // (a rollout may have pinned another revision or taken it): within one statement, a row re-read after a lock wait
    // is joined to the other tables as they were when the statement began, and dropped if the join no longer holds.
    private const string FindForUpdateSql = $"""
        SELECT id FROM pipeline_integrations
        WHERE org_id = @OrgId AND pipeline_id = @PipelineId AND id = @Id AND deleted_at IS NULL
        FOR UPDATE;
        {PipelineIntegrationSql.FindSql}
        """;

    // Runs after the lock above, in the same round trip, so the template it reads is the locked pipeline integration's.
    private static readonly string WantedRevisionSql = TemplateSql.FindRevision(
        "(SELECT integration_id FROM pipeline_integrations WHERE org_id = @OrgId AND id = @Id)");

    private const string LivePipelineSql = """
        SELECT id FROM pipelines WHERE org_id = @OrgId AND id = @PipelineId AND deleted_at IS NULL FOR KEY SHARE
        """;

    private const string SharedTemplateSql = $"""
        SELECT {TemplateSql.TemplateColumns}
        FROM integration_templates t
        WHERE t.org_id = @OrgId AND t.id = @TemplateId AND t.deleted_at IS NULL
        FOR SHARE
        """;

    private const string LatestRevisionSql = $"""
        SELECT {TemplateSql.RevisionColumns}
        FROM integration_templates t
        JOIN integration_revisions r ON r.integration_id = t.id AND r.revision_number = t.latest_revision_number
        WHERE t.org_id = @OrgId AND t.id = @TemplateId AND t.deleted_at IS NULL
        """;

    private static readonly string TargetsWithWantedRevisionSql =
        $"{LivePipelineSql};\n{SharedTemplateSql};\n{TemplateSql.FindRevision("@TemplateId")}";

    private const string TargetsWithLatestRevisionSql = $"{LivePipelineSql};\n{SharedTemplateSql};\n{LatestRevisionSql}";

    private const string InsertSql = """
        INSERT INTO pipeline_integrations (id, org_id, pipeline_id, integration_id, revision_id, enabled, created_at, updated_at)
        VALUES (@Id, @OrgId, @PipelineId, @TemplateId, @RevisionId, @Enabled, @CreatedAt, @UpdatedAt)
        """;

    private const string UpdateSql = """
        UPDATE pipeline_integrations
        SET revision_id = @RevisionId, enabled = @Enabled, updated_at = @UpdatedAt, deleted_at = @DeletedAt
        WHERE org_id = @OrgId AND id = @Id
        """;

    public async Task<PipelineIntegrationForChange?> FindForUpdateAsync(
        string orgId, string pipelineId, string id, WantedRevision? wanted, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var parameters = DeliverySql.With(
            new { OrgId = orgId, PipelineId = pipelineId, Id = id, wanted?.Number, RevisionId = wanted?.Id }, delivery);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            wanted is null ? FindForUpdateSql : FindForUpdateSql + ";\n" + WantedRevisionSql,
            parameters, session.Transaction, cancellationToken: cancellationToken));
        var locked = await results.ReadSingleOrDefaultAsync<string>();
        var row = await results.ReadSingleOrDefaultAsync<PipelineIntegrationSql.ResponseRow>();
        var revision = wanted is null ? null : await results.ReadSingleOrDefaultAsync<RevisionRow>();
        if (locked is null || row is null)
        {
            return null;
        }

        var pinned = new RevisionRef(row.RevisionId, orgId, row.IntegrationId, row.RevisionNumber, PipelineIntegrationSql.Mode(row.DeliveryMode));
        var pipelineIntegration = session.Track(PipelineIntegration.Rehydrate(
            row.Id, orgId, row.PipelineId, pinned, row.IntegrationName, row.Enabled, row.CreatedAt, row.UpdatedAt, row.ActiveRolloutId));
        return new PipelineIntegrationForChange(
            pipelineIntegration, new TemplateFacts(row.IntegrationName, row.Vendor, row.LatestRevision), pinned, row.ToObservedDelivery(),
            revision?.ToRef());
    }

    public async Task<PipelineIntegrationTargets> FindTargetsAsync(
        string orgId, string pipelineId, string templateId, WantedRevision? wanted, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var parameters = new { OrgId = orgId, PipelineId = pipelineId, TemplateId = templateId, wanted?.Number, RevisionId = wanted?.Id };
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            wanted is null ? TargetsWithLatestRevisionSql : TargetsWithWantedRevisionSql,
            parameters, session.Transaction, cancellationToken: cancellationToken));
        var pipelineFound = await results.ReadSingleOrDefaultAsync<string>() is not null;
        var template = await results.ReadSingleOrDefaultAsync<TemplateRow>();
        var revision = await results.ReadSingleOrDefaultAsync<RevisionRow>();
        return new PipelineIntegrationTargets(pipelineFound, template?.ToTemplate(), revision?.ToRef());
    }

    public async Task AddAsync(PipelineIntegration pipelineIntegration, CancellationToken cancellationToken)
    {
        try
        {
            await session.ExecuteAsync(InsertSql, session.Track(pipelineIntegration), cancellationToken);
        }
        catch (PostgresException e) when (e is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pipeline_integrations_pipeline_template_key" })
        {
            throw new ConflictException("already_assigned",
                $"Integration template '{pipelineIntegration.TemplateId}' is already assigned to this pipeline; update that assignment instead.");
        }
    }

    public Task SaveAsync(PipelineIntegration pipelineIntegration, CancellationToken cancellationToken) =>
        session.ExecuteAsync(UpdateSql, pipelineIntegration, cancellationToken);
}
