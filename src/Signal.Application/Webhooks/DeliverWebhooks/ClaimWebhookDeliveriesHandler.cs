using Mediator;
using Signal.Application.Common.Abstractions;

namespace Signal.Application.Webhooks.DeliverWebhooks;

/// <remarks>
/// The claim commits before anything is sent (a request may take the whole timeout): the lease — three timeouts — is
/// what keeps another worker off it, and what makes it due again if this one stops before recording the attempt.
/// </remarks>
public sealed class ClaimWebhookDeliveriesHandler(IWebhookDeliveries deliveries, ISecretProtector protector, WebhookSettings settings, TimeProvider time)
    : ICommandHandler<ClaimWebhookDeliveriesCommand, IReadOnlyList<WebhookMessage>>
{
    public async ValueTask<IReadOnlyList<WebhookMessage>> Handle(ClaimWebhookDeliveriesCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await deliveries.ClaimDueAsync(now, now + (3 * settings.Timeout), command.Limit, cancellationToken);
        var messages = new List<WebhookMessage>(due.Count);
        foreach (var delivery in due)
        {
            var scope = new SecretScope(delivery.OrgId, delivery.WebhookId, WebhookSecret.FieldName);
            var secrets = new List<string> { await protector.UnprotectAsync(scope, delivery.SecretCiphertext, cancellationToken) };
            if (delivery.PreviousSecretCiphertext is { } previous)
            {
                secrets.Add(await protector.UnprotectAsync(scope, previous, cancellationToken));
            }

            messages.Add(new WebhookMessage(delivery, secrets));
        }

        return messages;
    }
}
