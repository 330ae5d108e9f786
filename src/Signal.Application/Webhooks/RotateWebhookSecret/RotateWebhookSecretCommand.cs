using Mediator;
using Signal.Application.Common.Idempotency;

namespace Signal.Application.Webhooks.RotateWebhookSecret;

/// <summary>A new signing secret; the current one keeps signing beside it for 24 hours.</summary>
public sealed record RotateWebhookSecretCommand(string Id, string? IdempotencyKey = null) : ICommand<WebhookWithSecretResponse>, IIdempotentCommand;
