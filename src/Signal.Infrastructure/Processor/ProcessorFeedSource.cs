using System.Data;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Signal.Application.Processor;
using Signal.Infrastructure.PipelineIntegrations;

namespace Signal.Infrastructure.Processor;

/// <summary>
/// Reads the feed in one repeatable-read, read-only transaction, so the version and every page belong to the same moment:
/// a change committed meanwhile is either fully in this snapshot or in the next `since`. Pages of
/// <see cref="FeedSettings.PageSize"/> live pipelines (keyset by id), each with its pipeline integrations in the same round trip, are
/// read as the response is written; the transaction and its connection are released when the request's scope ends.
/// </summary>
public sealed class ProcessorFeedSource(NpgsqlDataSource dataSource, FeedSettings settings) : IProcessorFeedSource, IAsyncDisposable
{
    private const string VersionSql = "SET TRANSACTION READ ONLY;\nSELECT version FROM feed_state";

    private const string Live = "p.enabled AND p.deleted_at IS NULL";

    private const string PipelineColumns = """
        p.id, p.org_id, p.secret_ciphertext, p.domain_allowlist, p.rate_limit_rps, p.challenge_token_required, p.parameters
        """;

    private const string PipelineIntegrationColumns = """
        pi.pipeline_id, pi.org_id, pi.id, pi.integration_id, t.vendor, pi.revision_id, r.revision_number, r.delivery_mode,
        r.config AS stored_config
        """;

    private const string RemovedSql = $"SELECT p.id FROM pipelines p WHERE p.feed_version > @Since AND NOT ({Live}) ORDER BY p.id";

    private static readonly string AllLivePageSql = PageSql(Live);

    private static readonly string ChangedLivePageSql = PageSql($"{Live} AND p.feed_version > @Since");

    private NpgsqlConnection? _connection;
    private NpgsqlTransaction? _transaction;

    public async Task<FeedSnapshot> OpenAsync(long? since, CancellationToken cancellationToken)
    {
        if (_connection is not null)
        {
            throw new InvalidOperationException("A feed snapshot is already open in this scope.");
        }

        _connection = await dataSource.OpenConnectionAsync(cancellationToken);
        _transaction = await _connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var version = await _connection.ExecuteScalarAsync<long>(
            new CommandDefinition(VersionSql, transaction: _transaction, cancellationToken: cancellationToken));
        return new FeedSnapshot(version, ReadPagesAsync(since, cancellationToken),
            since is null ? AsyncEnumerable.Empty<string>() : ReadRemovedAsync(since.Value, cancellationToken));
    }

    private async IAsyncEnumerable<FeedPage> ReadPagesAsync(long? since, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var after = "";
        while (true)
        {
            var page = await ReadPageAsync(since, after, cancellationToken);
            if (page.Pipelines.Count > 0)
            {
                yield return page;
            }

            if (page.Pipelines.Count < settings.PageSize)
            {
                yield break;
            }

            after = page.Pipelines[^1].Id;
        }
    }

    private async Task<FeedPage> ReadPageAsync(long? since, string after, CancellationToken cancellationToken)
    {
        await using var results = await _connection!.QueryMultipleAsync(new CommandDefinition(
            since is null ? AllLivePageSql : ChangedLivePageSql,
            new { Since = since ?? 0, After = after, Limit = settings.PageSize },
            _transaction,
            cancellationToken: cancellationToken));
        var pipelines = (await results.ReadAsync<PipelineRow>()).Select(r => r.ToRow()).ToList();
        var pipelineIntegrations = (await results.ReadAsync<PipelineIntegrationRow>()).Select(r => r.ToFeedPipelineIntegration()).ToList();
        return new FeedPage(pipelines, pipelineIntegrations);
    }

    private async IAsyncEnumerable<string> ReadRemovedAsync(long since, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var ids = await _connection!.QueryAsync<string>(
            new CommandDefinition(RemovedSql, new { Since = since }, _transaction, cancellationToken: cancellationToken));
        foreach (var id in ids)
        {
            yield return id;
        }
    }

    // The second statement repeats the page's own query: in the same snapshot it finds the same pipelines.
    private static string PageSql(string filter) => $"""
        SELECT {PipelineColumns} FROM pipelines p WHERE {filter} AND p.id > @After ORDER BY p.id LIMIT @Limit;
        SELECT {PipelineIntegrationColumns}
        FROM pipeline_integrations pi
        JOIN integration_templates t ON t.id = pi.integration_id
        JOIN integration_revisions r ON r.id = pi.revision_id
        WHERE pi.enabled AND pi.deleted_at IS NULL
          AND pi.pipeline_id IN (SELECT p.id FROM pipelines p WHERE {filter} AND p.id > @After ORDER BY p.id LIMIT @Limit)
        ORDER BY pi.pipeline_id, pi.created_at, pi.id
        """;

    /// <summary>Ends the snapshot. Nothing was written, so the transaction is rolled back rather than committed.</summary>
    public async ValueTask DisposeAsync()
    {
        var (transaction, connection) = (_transaction, _connection);
        (_transaction, _connection) = (null, null);
        if (transaction is not null)
        {
            await transaction.DisposeAsync();
        }

        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
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

        public FeedPipelineRow ToRow() => new(Id, OrgId, SecretCiphertext, DomainAllowlist, RateLimitRps, ChallengeTokenRequired,
            Parameters.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal));
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
