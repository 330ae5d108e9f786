using Mediator;

namespace Signal.Application.Webhooks.DeleteWebhook;

/// <summary>Removes a subscription: nothing more is queued for it, and what is queued is not sent.</summary>
public sealed record DeleteWebhookCommand(string Id) : ICommand<DeleteWebhookResponse>;

public sealed record DeleteWebhookResponse(string Status);
