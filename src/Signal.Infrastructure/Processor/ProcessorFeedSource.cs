using System.Data;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Signal.Application.Processor;
using Signal.Infrastructure.PipelineIntegrations;

namespace Signal.Infrastructure.Processor;

/// <summary>
/// Reads the feed in one repeatable-read, read-only transaction, so the version and the rows belong to the same moment:
/// a change committed meanwhile is either fully in this snapshot or in the next `since`.
/// </summary>
public sealed class ProcessorFeedSource(NpgsqlDataSource dataSource) : IProcessorFeedSource
{
    private const string VersionSql = "SELECT version FROM feed_state";

    private const string PipelineColumns = """
        p.id, p.org_id, p.secret_ciphertext, p.domain_allowlist, p.rate_limit_rps, p.challenge_token_required, p.parameters,
        (p.enabled AND p.deleted_at IS NULL) AS live
        """;

    private const string AllLiveSql = $"SELECT {PipelineColumns} FROM pipelines p WHERE p.enabled AND p.deleted_at IS NULL ORDER BY p.id";

    private const string ChangedSql = $"SELECT {PipelineColumns} FROM pipelines p WHERE p.feed_version > @Since ORDER BY p.id";

    private const string PipelineIntegrationColumns = """
        pi.pipeline_id, pi.org_id, pi.id, pi.integration_id, t.vendor, pi.revision_id, r.revision_number, r.delivery_mode,
        r.config AS stored_config
        FROM pipeline_integrations pi
        JOIN pipelines p ON p.id = pi.pipeline_id
        JOIN integration_templates t ON t.id = pi.integration_id
        JOIN integration_revisions r ON r.id = pi.revision_id
        WHERE pi.enabled AND pi.deleted_at IS NULL AND p.enabled AND p.deleted_at IS NULL
        """;

    private const string AllPipelineIntegrationsSql = $"SELECT {PipelineIntegrationColumns} ORDER BY pi.pipeline_id, pi.created_at, pi.id";

    private const string ChangedPipelineIntegrationsSql = $"SELECT {PipelineIntegrationColumns} AND p.feed_version > @Since ORDER BY pi.pipeline_id, pi.created_at, pi.id";

    public async Task<FeedSnapshot> LoadAsync(long? since, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var sql = since is null
            ? $"{VersionSql};\n{AllLiveSql};\n{AllPipelineIntegrationsSql}"
            : $"{VersionSql};\n{ChangedSql};\n{ChangedPipelineIntegrationsSql}";
        await using var results = await connection.QueryMultipleAsync(
            new CommandDefinition(sql, new { Since = since ?? 0 }, transaction, cancellationToken: cancellationToken));
        var version = await results.ReadSingleAsync<long>();
        var pipelines = (await results.ReadAsync<PipelineRow>()).Select(r => r.ToRow()).ToList();
        var pipelineIntegrations = (await results.ReadAsync<PipelineIntegrationRow>()).Select(r => r.ToFeedPipelineIntegration()).ToList();
        await transaction.CommitAsync(cancellationToken);
        return new FeedSnapshot(version, pipelines, pipelineIntegrations);
    }

    private sealed class PipelineRow
    {
        public required string Id { get; init; }

        public required string OrgId { get; init; }

        public required string SecretCiphertext { get; init; }

        public required string[] DomainAllowlist { get; init; }

        public int RateLimitRps { get; init; }

        public bool ChallengeTokenRequired { get; init; }

        public required JsonObject Parameters { get; init; }

        public bool Live { get; init; }

        public FeedPipelineRow ToRow() => new(Id, OrgId, SecretCiphertext, DomainAllowlist, RateLimitRps, ChallengeTokenRequired,
            Parameters.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal), Live);
    }

    private sealed class PipelineIntegrationRow
    {
        public required string PipelineId { get; init; }

        public required string OrgId { get; init; }

        public required string Id { get; init; }

        public required string IntegrationId { get; init; }

        public required string Vendor { get; init; }

        public required string RevisionId { get; init; }

        public int RevisionNumber { get; init; }

        public required string DeliveryMode { get; init; }

        public required JsonObject StoredConfig { get; init; }

        public FeedPipelineIntegration ToFeedPipelineIntegration() => new(PipelineId, OrgId, new PipelineIntegrationSql.PinnedConfigRow
        {
            Id = Id,
            IntegrationId = IntegrationId,
            Vendor = Vendor,
            RevisionId = RevisionId,
            RevisionNumber = RevisionNumber,
            DeliveryMode = DeliveryMode,
            StoredConfig = StoredConfig,
        }.ToPinnedConfig());
    }
}
