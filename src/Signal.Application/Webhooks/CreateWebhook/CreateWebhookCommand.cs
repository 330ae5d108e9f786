using Mediator;
using Signal.Application.Common.Idempotency;
using Signal.Domain.Webhooks;

namespace Signal.Application.Webhooks.CreateWebhook;

/// <summary>Subscribes a URL to the organisation's audit events that <see cref="WebhookFields.Events"/> name.</summary>
public sealed record CreateWebhookCommand(WebhookFields Fields, string? IdempotencyKey = null) : ICommand<WebhookWithSecretResponse>, IIdempotentCommand;
