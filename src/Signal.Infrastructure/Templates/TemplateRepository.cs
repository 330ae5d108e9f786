using Dapper;
using Npgsql;
using Signal.Application.Common;
using Signal.Application.Common.Errors;
using Signal.Application.PipelineIntegrations;
using Signal.Application.Templates;
using Signal.Domain.Templates;
using Signal.Infrastructure.Persistence;
using Signal.Infrastructure.PipelineIntegrations;

namespace Signal.Infrastructure.Templates;

/// <summary>
/// Writes of the template aggregate. Revisions are only ever inserted: this class, like the database trigger, has no
/// way to change one.
/// </summary>
public sealed class TemplateRepository(DbSession session) : ITemplateRepository
{
    private const string FindWithLatestSql = $"""
        SELECT {TemplateSql.TemplateColumns}, {TemplateSql.RevisionColumns}
        FROM integration_templates t
        LEFT JOIN integration_revisions r
               ON r.integration_id = t.id AND r.revision_number = t.latest_revision_number
        WHERE t.org_id = @OrgId AND t.id = @Id AND t.deleted_at IS NULL
        """;

    private const string FindForUpdateSql = FindWithLatestSql + "\nFOR UPDATE OF t";

    private const string FindForDeleteSql = $"""
        SELECT {TemplateSql.TemplateColumns}
        FROM integration_templates t
        WHERE t.org_id = @OrgId AND t.id = @Id AND t.deleted_at IS NULL
        FOR UPDATE;
        {PipelineIntegrationQueries.UsagesSql}
        """;

    private const string InsertTemplateSql = """
        INSERT INTO integration_templates
            (id, org_id, name, vendor, description, catalog_vendor_key, catalog_variant_key,
             latest_revision_number, created_at, updated_at)
        VALUES (@Id, @OrgId, @Name, @Vendor, @Description, @CatalogVendorKey, @CatalogVariantKey,
                @LatestRevisionNumber, @CreatedAt, @UpdatedAt)
        """;

    private const string UpdateTemplateSql = """
        UPDATE integration_templates
        SET name = @Name, description = @Description, latest_revision_number = @LatestRevisionNumber,
            updated_at = @UpdatedAt, deleted_at = @DeletedAt
        WHERE org_id = @OrgId AND id = @Id
        """;

    private const string InsertRevisionSql = """
        INSERT INTO integration_revisions
            (id, org_id, integration_id, revision_number, config, delivery_mode, change_summary, created_by, created_at)
        VALUES (@RevisionId, @OrgId, @Id, @RevisionNumber, @Config, @DeliveryMode, @ChangeSummary, @CreatedBy, @RevisionCreatedAt)
        """;

    public Task<(Template Template, Revision? Latest)?> FindForUpdateAsync(string orgId, string id, CancellationToken cancellationToken) =>
        FindLockedAsync(FindForUpdateSql, orgId, id, cancellationToken);

    public async Task<(Template Template, IReadOnlyList<TemplateUsage> Usages)?> FindForDeleteAsync(string orgId, string id, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            FindForDeleteSql, new { OrgId = orgId, Id = id, TemplateId = id }, session.Transaction, cancellationToken: cancellationToken));
        var template = (await results.ReadSingleOrDefaultAsync<TemplateRow>())?.ToTemplate();
        var usages = (await results.ReadAsync<PipelineIntegrationQueries.UsageRow>()).Select(u => u.ToUsage()).ToList();
        return template is null ? null : (template, usages);
    }

    private async Task<(Template Template, Revision? Latest)?> FindLockedAsync(string sql, string orgId, string id, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<TemplateRow, RevisionRow?, (Template, Revision?)>(
            new CommandDefinition(sql, new { OrgId = orgId, Id = id }, session.Transaction, cancellationToken: cancellationToken),
            (template, revision) => (template.ToTemplate(), revision?.ToRevision()),
            splitOn: "id");
        return rows.Select(r => ((Template, Revision?)?)r).SingleOrDefault();
    }

    public Task AddAsync(Template newTemplate, CancellationToken cancellationToken) =>
        WriteAsync(newTemplate, InsertTemplateSql, cancellationToken);

    public Task SaveAsync(Template changed, CancellationToken cancellationToken) =>
        WriteAsync(changed, UpdateTemplateSql, cancellationToken);

    // The template statement and its first new revision travel in one round trip.
    private async Task WriteAsync(Template template, string templateSql, CancellationToken cancellationToken)
    {
        try
        {
            var revisions = template.NewRevisions;
            if (revisions.Count == 0)
            {
                await session.ExecuteAsync(templateSql, Parameters(template, null), cancellationToken);
                return;
            }

            await session.ExecuteAsync(templateSql + ";\n" + InsertRevisionSql, Parameters(template, revisions[0]), cancellationToken);
            foreach (var revision in revisions.Skip(1))
            {
                await session.ExecuteAsync(InsertRevisionSql, Parameters(template, revision), cancellationToken);
            }
        }
        catch (PostgresException e) when (e is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "integration_templates_org_name_key" })
        {
            throw new ConflictException("name_conflict",
                $"An integration template named '{template.Name}' already exists in this organisation; choose another name.");
        }
    }

    private static DynamicParameters Parameters(Template template, Revision? revision)
    {
        var parameters = new DynamicParameters(new
        {
            template.Id,
            template.OrgId,
            template.Name,
            template.Vendor,
            template.Description,
            template.CatalogVendorKey,
            template.CatalogVariantKey,
            template.LatestRevisionNumber,
            template.CreatedAt,
            template.UpdatedAt,
            template.DeletedAt,
        });
        if (revision is not null)
        {
            parameters.AddDynamicParams(new
            {
                RevisionId = revision.Id,
                revision.RevisionNumber,
                revision.Config,
                DeliveryMode = WireNames.Of(revision.DeliveryMode),
                revision.ChangeSummary,
                revision.CreatedBy,
                RevisionCreatedAt = revision.CreatedAt,
            });
        }

        return parameters;
    }
}
