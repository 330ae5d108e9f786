using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;
using Signal.Application.Common.Secrets;
using Signal.Application.Templates;
using Signal.Application.Templates.DeleteTemplate;
using Signal.Domain.Common;
using Signal.Domain.Templates;
using Signal.Infrastructure.Persistence;
using Signal.Infrastructure.PipelineIntegrations;

namespace Signal.Infrastructure.Templates;

/// <summary>
/// Writes of the template aggregate. Revisions are only ever inserted: this class, like the database trigger, has no
/// way to change one. It seals a new revision's secrets as it inserts it and opens the latest one as it loads it, so
/// the domain only ever sees plaintext configs.
/// </summary>
public sealed class TemplateRepository(DbSession session, ConfigSealer sealer, IIntegrationCatalog catalog) : ITemplateRepository
{
    private const string FindForUpdateSql = $"""
        SELECT {TemplateSql.TemplateColumns}
        FROM integration_templates t
        WHERE t.org_id = @OrgId AND t.id = @Id AND t.deleted_at IS NULL
        FOR UPDATE
        """;

    // The revision is read by a second statement, after the lock is granted: in READ COMMITTED it takes a new snapshot
    // and sees the revision that a writer who held the lock before us committed. (One joined statement would re-check
    // the template row after the wait but keep the revision it read before it — one behind.)
    private const string FindForNewRevisionSql = $"""
        {FindForUpdateSql};
        SELECT {TemplateSql.RevisionColumns}
        FROM integration_templates t
        JOIN integration_revisions r ON r.integration_id = t.id AND r.revision_number = t.latest_revision_number
        WHERE t.org_id = @OrgId AND t.id = @Id
        """;

    private const string FindForDeleteSql = $"""
        {FindForUpdateSql};
        {PipelineIntegrationSql.InUseSql}
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

    public async Task<Template?> FindForUpdateAsync(string orgId, string id, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<TemplateRow>(FindForUpdateSql, new { OrgId = orgId, Id = id }, cancellationToken);
        return row is null ? null : session.Track(row.ToTemplate());
    }

    public async Task<Template?> FindForNewRevisionAsync(string orgId, string id, CancellationToken cancellationToken)
    {
        var (template, latest) = await ReadWithLatestAsync(orgId, id, cancellationToken);
        if (template is null)
        {
            return null;
        }

        if (latest is null)
        {
            return session.Track(template.ToTemplate());
        }

        var plain = await sealer.OpenAsync(orgId, latest.Id, catalog.Require(template.Vendor), latest.Config, cancellationToken);
        return session.Track(template.ToTemplate(latest.ToRevision(plain)));
    }

    // Both rows are read and the reader closed before anything else runs on the connection (opening a secret may).
    private async Task<(TemplateRow? Template, RevisionRow? Latest)> ReadWithLatestAsync(string orgId, string id, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            FindForNewRevisionSql, new { OrgId = orgId, Id = id }, session.Transaction, cancellationToken: cancellationToken));
        return (await results.ReadSingleOrDefaultAsync<TemplateRow>(), await results.ReadSingleOrDefaultAsync<RevisionRow>());
    }

    public async Task<(Template Template, IReadOnlyList<TemplateInUsePipeline> UsedBy)?> FindForDeleteAsync(string orgId, string id, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            FindForDeleteSql, new { OrgId = orgId, Id = id, TemplateId = id }, session.Transaction, cancellationToken: cancellationToken));
        var template = await results.ReadSingleOrDefaultAsync<TemplateRow>();
        var usedBy = (await results.ReadAsync<PipelineIntegrationSql.InUseRow>()).Select(u => u.ToInUse()).ToList();
        return template is null ? null : (session.Track(template.ToTemplate()), usedBy);
    }

    public Task AddAsync(Template newTemplate, CancellationToken cancellationToken) =>
        WriteAsync(session.Track(newTemplate), InsertTemplateSql, cancellationToken);

    public Task SaveAsync(Template changed, CancellationToken cancellationToken) =>
        WriteAsync(changed, UpdateTemplateSql, cancellationToken);

    // The template statement and its first new revision travel in one round trip.
    private async Task WriteAsync(Template template, string templateSql, CancellationToken cancellationToken)
    {
        var revisions = template.NewRevisions;
        var sealedConfigs = new List<JsonObject>(revisions.Count);
        if (revisions.Count > 0)
        {
            var vendor = catalog.Require(template.Vendor);
            foreach (var revision in revisions)
            {
                sealedConfigs.Add(await sealer.SealAsync(template.OrgId, revision.Id, vendor, revision.Config, cancellationToken));
            }
        }

        try
        {
            if (revisions.Count == 0)
            {
                await session.ExecuteAsync(templateSql, Parameters(template), cancellationToken);
                return;
            }

            await session.ExecuteAsync(templateSql + ";\n" + InsertRevisionSql, Parameters(template, revisions[0], sealedConfigs[0]), cancellationToken);
            for (var i = 1; i < revisions.Count; i++)
            {
                await session.ExecuteAsync(InsertRevisionSql, Parameters(template, revisions[i], sealedConfigs[i]), cancellationToken);
            }
        }
        catch (PostgresException e) when (e is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "integration_templates_org_name_key" })
        {
            throw new ConflictException("name_conflict",
                $"An integration template named '{template.Name}' already exists in this organisation; choose another name.");
        }
    }

    private static DynamicParameters Parameters(Template template, Revision? revision = null, JsonObject? sealedConfig = null)
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
                Config = sealedConfig,
                DeliveryMode = WireNames.Of(revision.DeliveryMode),
                revision.ChangeSummary,
                revision.CreatedBy,
                RevisionCreatedAt = revision.CreatedAt,
            });
        }

        return parameters;
    }
}
