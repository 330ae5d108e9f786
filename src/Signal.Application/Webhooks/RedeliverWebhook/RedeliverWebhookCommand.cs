using Mediator;

namespace Signal.Application.Webhooks.RedeliverWebhook;

/// <summary>Sends a delivery again (the same webhook-id and body), whatever it came to before; its attempts go on counting.</summary>
public sealed record RedeliverWebhookCommand(string WebhookId, string DeliveryId) : ICommand<WebhookDeliveryResponse>;
