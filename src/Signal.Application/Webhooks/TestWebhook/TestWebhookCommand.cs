using Mediator;

namespace Signal.Application.Webhooks.TestWebhook;

/// <summary>Queues a <c>webhook.test</c> event for one subscription, to check the receiver end to end.</summary>
public sealed record TestWebhookCommand(string Id) : ICommand<WebhookDeliveryResponse>;
