using Npgsql;
using Signal.Application.Common.Errors;
using Signal.Application.PipelineIntegrations;
using Signal.Domain.PipelineIntegrations;
using Signal.Infrastructure.Persistence;

namespace Signal.Infrastructure.PipelineIntegrations;

public sealed class PipelineIntegrationRepository(DbSession session) : IPipelineIntegrationRepository
{
    private const string FindForUpdateSql = """
        SELECT pi.id, pi.org_id, pi.pipeline_id, pi.integration_id, pi.revision_id, pi.enabled, pi.created_at, pi.updated_at
        FROM pipeline_integrations pi
        JOIN pipelines p ON p.id = pi.pipeline_id AND p.deleted_at IS NULL
        WHERE pi.org_id = @OrgId AND pi.pipeline_id = @PipelineId AND pi.id = @Id AND pi.deleted_at IS NULL
        FOR UPDATE OF pi
        """;

    private const string InsertSql = """
        INSERT INTO pipeline_integrations (id, org_id, pipeline_id, integration_id, revision_id, enabled, created_at, updated_at)
        VALUES (@Id, @OrgId, @PipelineId, @IntegrationId, @RevisionId, @Enabled, @CreatedAt, @UpdatedAt)
        """;

    private const string UpdateSql = """
        UPDATE pipeline_integrations
        SET revision_id = @RevisionId, enabled = @Enabled, updated_at = @UpdatedAt, deleted_at = @DeletedAt
        WHERE org_id = @OrgId AND id = @Id
        """;

    public async Task<PipelineIntegration?> FindForUpdateAsync(string orgId, string pipelineId, string id, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<Row>(FindForUpdateSql, new { OrgId = orgId, PipelineId = pipelineId, Id = id }, cancellationToken);
        return row is null
            ? null
            : PipelineIntegration.Rehydrate(row.Id, row.OrgId, row.PipelineId, row.IntegrationId, row.RevisionId, row.Enabled, row.CreatedAt, row.UpdatedAt);
    }

    public async Task AddAsync(PipelineIntegration assignment, CancellationToken cancellationToken)
    {
        try
        {
            await session.ExecuteAsync(InsertSql, assignment, cancellationToken);
        }
        catch (PostgresException e) when (e is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pipeline_integrations_pipeline_template_key" })
        {
            throw new ConflictException("already_assigned",
                $"Integration template '{assignment.IntegrationId}' is already assigned to this pipeline; update that assignment instead.");
        }
    }

    public Task SaveAsync(PipelineIntegration assignment, CancellationToken cancellationToken) =>
        session.ExecuteAsync(UpdateSql, assignment, cancellationToken);

    private sealed class Row
    {
        public required string Id { get; init; }

        public required string OrgId { get; init; }

        public required string PipelineId { get; init; }

        public required string IntegrationId { get; init; }

        public required string RevisionId { get; init; }

        public bool Enabled { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }
    }
}
