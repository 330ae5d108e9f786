using Mediator;
using Signal.Application.Common.Idempotency;

namespace Signal.Application.Pipelines.RotateSecret;

/// <summary>Replaces a pipeline's key secret; the old one, and every challenge token signed with it, stop working at once.</summary>
public sealed record RotateSecretCommand(string Id, string? IdempotencyKey = null) : ICommand<RotateSecretResponse>, IIdempotentCommand;

/// <summary>The rotate response: the new secret, shown this once.</summary>
public sealed record RotateSecretResponse(string PipelineKey, string PipelineKeySecret, string PipelineKeySecretPrefix);
