using Mediator;
using Signal.Application.Common.Idempotency;

namespace Signal.Application.Pipelines.IssueChallengeToken;

/// <summary>A short-lived token for a pipeline that requires them (seed 003, "Generate Challenge Token").</summary>
public sealed record IssueChallengeTokenCommand(string PipelineId, string? IdempotencyKey = null)
    : ICommand<ChallengeTokenResponse>, IIdempotentCommand;

public sealed record ChallengeTokenResponse(string Token, DateTimeOffset ExpiresAt);

/// <summary>How long challenge tokens live (<c>ChallengeTokens:Lifetime</c>, default one hour).</summary>
public sealed record ChallengeTokenSettings(TimeSpan Lifetime);
