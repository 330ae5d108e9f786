using Mediator;
using Signal.Application.Common.Idempotency;

namespace Signal.Application.Pipelines.IssueChallengeToken;

/// <summary>A short-lived token for a pipeline that requires them (docs/challenge-tokens.md).</summary>
public sealed record IssueChallengeTokenCommand(string PipelineId, string? IdempotencyKey = null)
    : ICommand<ChallengeTokenResponse>, IIdempotentCommand;

public sealed record ChallengeTokenResponse(string Token, DateTimeOffset ExpiresAt);

/// <summary>How long challenge tokens live (<c>ChallengeTokens:Lifetime</c>, default one hour).</summary>
public sealed record ChallengeTokenSettings(TimeSpan Lifetime);
