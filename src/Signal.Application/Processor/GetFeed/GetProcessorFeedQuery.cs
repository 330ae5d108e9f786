using System.Text.Json.Nodes;
using Mediator;
using Signal.Domain.Templates;

namespace Signal.Application.Processor.GetFeed;

/// <summary>
/// What every event processor polls (docs/processor-feed.md): all live pipelines with decrypted secrets and fully resolved configs,
/// or, with <paramref name="Since"/>, only those changed after that version plus the keys that stopped being valid.
/// </summary>
public sealed record GetProcessorFeedQuery(long? Since) : IQuery<ProcessorFeed>;

/// <summary>
/// The feed as it is written: <see cref="Pipelines"/> and <see cref="RemovedPipelineKeys"/> are read from the snapshot
/// while the response is serialised, a page at a time, so a full feed never sits in memory whole.
/// </summary>
public sealed record ProcessorFeed(long Version, IAsyncEnumerable<FeedPipeline> Pipelines, IAsyncEnumerable<string> RemovedPipelineKeys);

/// <summary>An enabled, non-deleted pipeline, with the secret the processor checks HMAC signatures with.</summary>
public sealed record FeedPipeline(
    string PipelineId,
    string OrgId,
    string PipelineKey,
    string PipelineKeySecret,
    IReadOnlyList<string> DomainAllowlist,
    int RateLimitRps,
    bool ChallengeTokenRequired,
    IReadOnlyList<FeedIntegration> Integrations);

/// <summary>An enabled assignment with its config resolved and decrypted.</summary>
public sealed record FeedIntegration(
    string Id,
    string IntegrationId,
    string Vendor,
    int RevisionNumber,
    DeliveryMode DeliveryMode,
    JsonObject Config);
