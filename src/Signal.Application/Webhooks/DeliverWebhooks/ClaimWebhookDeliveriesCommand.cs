using Mediator;

namespace Signal.Application.Webhooks.DeliverWebhooks;

/// <summary>Sent by the webhook worker: takes up to <paramref name="Limit"/> due deliveries and makes them ready to send.</summary>
public sealed record ClaimWebhookDeliveriesCommand(int Limit) : ICommand<IReadOnlyList<WebhookMessage>>;
