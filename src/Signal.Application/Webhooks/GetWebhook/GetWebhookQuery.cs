using Mediator;

namespace Signal.Application.Webhooks.GetWebhook;

public sealed record GetWebhookQuery(string Id) : IQuery<WebhookResponse>;
