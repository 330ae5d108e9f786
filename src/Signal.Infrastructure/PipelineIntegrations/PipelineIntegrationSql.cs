using System.Text.Json.Nodes;
using Signal.Application.PipelineIntegrations;
using Signal.Application.Templates.DeleteTemplate;
using Signal.Domain.Common;
using Signal.Domain.Templates;
using Signal.Infrastructure.Delivery;

namespace Signal.Infrastructure.PipelineIntegrations;

/// <summary>
/// The pipeline integration SQL and row shapes that more than one class reads: the queries, the write repositories
/// (which lock and read in one round trip) and the processor feed.
/// </summary>
internal static class PipelineIntegrationSql
{
    /// <summary>Pipeline integrations with their status: parameters from <see cref="DeliverySql.With"/>.</summary>
    internal const string ResponseSelect = $"""
        SELECT pi.id, pi.pipeline_id, pi.integration_id, t.name AS integration_name, t.vendor, pi.revision_id,
               r.revision_number, t.latest_revision_number AS latest_revision, r.delivery_mode, pi.enabled, pi.created_at,
               pi.updated_at, pi.active_rollout_id, {DeliverySql.Columns}
        FROM pipeline_integrations pi
        JOIN pipelines p ON p.id = pi.pipeline_id AND p.deleted_at IS NULL
        JOIN integration_templates t ON t.id = pi.integration_id
        JOIN integration_revisions r ON r.id = pi.revision_id
        {DeliverySql.Join}
        WHERE pi.org_id = @OrgId AND pi.pipeline_id = @PipelineId AND pi.deleted_at IS NULL
        """;

    internal const string FindSql = ResponseSelect + "\nAND pi.id = @Id";

    /// <summary>Where a template is used, with each pipeline integration's status: parameters from <see cref="DeliverySql.With"/>.</summary>
    internal const string UsagesSql = $"""
        SELECT p.id AS pipeline_id, p.name AS pipeline_name, pi.id AS pipeline_integration_id, pi.revision_id,
               r.revision_number, pi.enabled, {DeliverySql.Columns}
        FROM pipeline_integrations pi
        JOIN pipelines p ON p.id = pi.pipeline_id AND p.deleted_at IS NULL
        JOIN integration_revisions r ON r.id = pi.revision_id
        {DeliverySql.Join}
        WHERE pi.org_id = @OrgId AND pi.integration_id = @TemplateId AND pi.deleted_at IS NULL
        ORDER BY p.name, p.id
        """;

    /// <summary>The live pipelines that use a template: what blocks its deletion.</summary>
    internal const string InUseSql = """
        SELECT p.id, p.name
        FROM pipeline_integrations pi
        JOIN pipelines p ON p.id = pi.pipeline_id AND p.deleted_at IS NULL
        WHERE pi.org_id = @OrgId AND pi.integration_id = @TemplateId AND pi.deleted_at IS NULL
        ORDER BY p.name, p.id
        """;

    internal static DeliveryMode Mode(string text) =>
        WireNames.Parse<DeliveryMode>(text);

    internal sealed class ResponseRow : DeliverySql.ObservedDeliveryColumns
    {
        public required string Id { get; init; }

        public required string PipelineId { get; init; }

        public required string IntegrationId { get; init; }

        public required string IntegrationName { get; init; }

        public required string Vendor { get; init; }

        public required string RevisionId { get; init; }

        public int RevisionNumber { get; init; }

        public int LatestRevision { get; init; }

        public required string DeliveryMode { get; init; }

        public bool Enabled { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public string? ActiveRolloutId { get; init; }

        public PipelineIntegrationResponse ToResponse() => PipelineIntegrationResponse.Of(Id, PipelineId, IntegrationId, IntegrationName,
            Vendor, RevisionId, RevisionNumber, LatestRevision, Mode(DeliveryMode), Enabled, CreatedAt, UpdatedAt, ToObservedDelivery());
    }

    internal sealed class UsageRow : DeliverySql.ObservedDeliveryColumns
    {
        public required string PipelineId { get; init; }

        public required string PipelineName { get; init; }

        public required string PipelineIntegrationId { get; init; }

        public required string RevisionId { get; init; }

        public int RevisionNumber { get; init; }

        public bool Enabled { get; init; }

        public TemplateUsage ToUsage()
        {
            var (status, delivery) = ToObservedDelivery();
            return new(PipelineId, PipelineName, PipelineIntegrationId, RevisionId, RevisionNumber, Enabled, status, delivery);
        }
    }

    internal sealed class InUseRow
    {
        public required string Id { get; init; }

        public required string Name { get; init; }

        public TemplateInUsePipeline ToInUse() => new(Id, Name);
    }

    /// <summary>An enabled pipeline integration with its revision's stored config; also read by the processor feed.</summary>
    internal sealed class PinnedConfigRow
    {
        public required string Id { get; init; }

        public required string IntegrationId { get; init; }

        public required string Vendor { get; init; }

        public required string RevisionId { get; init; }

        public int RevisionNumber { get; init; }

        public required string DeliveryMode { get; init; }

        public required JsonObject StoredConfig { get; init; }

        public PinnedConfig ToPinnedConfig() =>
            new(Id, IntegrationId, Vendor, RevisionId, RevisionNumber, Mode(DeliveryMode), StoredConfig);
    }
}
