using Mediator;

namespace Signal.Application.Webhooks.DeliverWebhooks;

/// <summary>Sent by the webhook worker after an attempt: stores it and decides what comes next.</summary>
public sealed record RecordWebhookAttemptCommand(WebhookMessage Message, WebhookAttemptResult Result) : ICommand;
