namespace Signal.Application.Webhooks.DeliverWebhooks;

/// <summary>Makes one attempt to send a message: signed, to an address it may call, within the timeout, no redirects.</summary>
public interface IWebhookSender
{
    Task<WebhookAttemptResult> SendAsync(WebhookMessage message, CancellationToken cancellationToken);
}
