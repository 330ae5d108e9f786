using Mediator;
using Signal.Domain.Webhooks;

namespace Signal.Application.Webhooks.UpdateWebhook;

/// <summary>A partial update of a subscription: URL, events, description, enabled (enabling clears the failure count).</summary>
public sealed record UpdateWebhookCommand(string Id, WebhookFields Fields, string? IfMatch) : ICommand<WebhookResponse>;
