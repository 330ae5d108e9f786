using Signal.Application.PipelineIntegrations;

namespace Signal.Application.Processor;

/// <summary>Reads the feed from one consistent snapshot of the database.</summary>
public interface IProcessorFeedSource
{
    /// <summary>
    /// The current version and the pipelines to report: all live ones, or with <paramref name="since"/> every pipeline
    /// (live or not) changed after that version. Pipeline integrations are the enabled ones of the live pipelines returned.
    /// </summary>
    Task<FeedSnapshot> LoadAsync(long? since, CancellationToken cancellationToken);
}

public sealed record FeedSnapshot(long Version, IReadOnlyList<FeedPipelineRow> Pipelines, IReadOnlyList<FeedPipelineIntegration> PipelineIntegrations);

/// <summary>A pipeline as the feed needs it; <see cref="Live"/> is enabled and not deleted.</summary>
public sealed record FeedPipelineRow(
    string Id,
    string OrgId,
    string SecretCiphertext,
    IReadOnlyList<string> DomainAllowlist,
    int RateLimitRps,
    bool ChallengeTokenRequired,
    IReadOnlyDictionary<string, string> Parameters,
    bool Live);

public sealed record FeedPipelineIntegration(string PipelineId, string OrgId, PinnedConfig Assigned);
