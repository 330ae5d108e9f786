using Dapper;
using Signal.Application.Delivery;
using Signal.Application.PipelineIntegrations;
using Signal.Infrastructure.Delivery;
using Signal.Infrastructure.Persistence;

namespace Signal.Infrastructure.PipelineIntegrations;

/// <summary>Reads of pipeline integrations; the SQL and row shapes the write side shares are in <see cref="PipelineIntegrationSql"/>.</summary>
public sealed class PipelineIntegrationQueries(DbSession session, DeliverySettings delivery) : IPipelineIntegrationQueries
{
    private const string ListSql = PipelineIntegrationSql.ResponseSelect + "\nORDER BY pi.created_at, pi.id";

    private const string EnabledConfigsSql = """
        SELECT pi.id, pi.integration_id, t.vendor, pi.revision_id, r.revision_number, r.delivery_mode, r.config AS stored_config
        FROM pipeline_integrations pi
        JOIN integration_templates t ON t.id = pi.integration_id
        JOIN integration_revisions r ON r.id = pi.revision_id
        WHERE pi.org_id = @OrgId AND pi.pipeline_id = @PipelineId AND pi.deleted_at IS NULL AND pi.enabled
        ORDER BY pi.created_at, pi.id
        """;

    public async Task<IReadOnlyList<PipelineIntegrationResponse>> ListAsync(string orgId, string pipelineId, CancellationToken cancellationToken) =>
        (await session.QueryAsync<PipelineIntegrationSql.ResponseRow>(ListSql, WithDelivery(new { OrgId = orgId, PipelineId = pipelineId }), cancellationToken))
            .Select(r => r.ToResponse()).ToList();

    public async Task<PipelineIntegrationResponse?> FindAsync(string orgId, string pipelineId, string id, CancellationToken cancellationToken) =>
        (await session.QuerySingleOrDefaultAsync<PipelineIntegrationSql.ResponseRow>(PipelineIntegrationSql.FindSql, WithDelivery(new { OrgId = orgId, PipelineId = pipelineId, Id = id }), cancellationToken))
            ?.ToResponse();

    public async Task<IReadOnlyList<TemplateUsage>> ListUsagesAsync(string orgId, string templateId, CancellationToken cancellationToken) =>
        (await session.QueryAsync<PipelineIntegrationSql.UsageRow>(PipelineIntegrationSql.UsagesSql, WithDelivery(new { OrgId = orgId, TemplateId = templateId }), cancellationToken))
            .Select(r => r.ToUsage())
            .ToList();

    public async Task<IReadOnlyList<PinnedConfig>> ListEnabledConfigsAsync(string orgId, string pipelineId, CancellationToken cancellationToken) =>
        (await session.QueryAsync<PipelineIntegrationSql.PinnedConfigRow>(EnabledConfigsSql, new { OrgId = orgId, PipelineId = pipelineId }, cancellationToken))
            .Select(r => r.ToPinnedConfig()).ToList();

    private DynamicParameters WithDelivery(object parameters) => DeliverySql.With(parameters, delivery);
}
