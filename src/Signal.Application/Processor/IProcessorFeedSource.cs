using Signal.Application.PipelineIntegrations;

namespace Signal.Application.Processor;

/// <summary>Reads the feed from one consistent snapshot of the database, a page at a time.</summary>
public interface IProcessorFeedSource
{
    /// <summary>
    /// Opens a snapshot and reads its version. Its pages hold the live pipelines to report — all of them, or with
    /// <paramref name="since"/> those changed after that version — with their enabled pipeline integrations; with
    /// <paramref name="since"/>, the removed pipelines are those changed after it that are no longer live. The snapshot
    /// stays open, and holds a connection, until the scope that opened it ends: read it within the request.
    /// </summary>
    Task<FeedSnapshot> OpenAsync(long? since, CancellationToken cancellationToken);
}

public sealed record FeedSnapshot(long Version, IAsyncEnumerable<FeedPage> LivePipelines, IAsyncEnumerable<string> RemovedPipelineIds);

/// <summary>A page of live pipelines in id order, with the enabled pipeline integrations of exactly those pipelines.</summary>
public sealed record FeedPage(IReadOnlyList<FeedPipelineRow> Pipelines, IReadOnlyList<FeedPipelineIntegration> PipelineIntegrations);

/// <summary>A live (enabled, not deleted) pipeline as the feed needs it.</summary>
public sealed record FeedPipelineRow(
    string Id,
    string OrgId,
    string SecretCiphertext,
    IReadOnlyList<string> DomainAllowlist,
    int RateLimitRps,
    bool ChallengeTokenRequired,
    IReadOnlyDictionary<string, string> Parameters);

public sealed record FeedPipelineIntegration(string PipelineId, string OrgId, PinnedConfig Assigned);
