using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.Webhooks.RedeliverWebhook;

public sealed class RedeliverWebhookHandler(IWebhookDeliveries deliveries, ICurrentUser user, TimeProvider time)
    : ICommandHandler<RedeliverWebhookCommand, WebhookDeliveryResponse>
{
    public async ValueTask<WebhookDeliveryResponse> Handle(RedeliverWebhookCommand command, CancellationToken cancellationToken) =>
        await deliveries.RedeliverAsync(user.OrgId, command.WebhookId, command.DeliveryId, time.GetUtcNow(), cancellationToken)
            ?? throw new NotFoundException("Webhook delivery", command.DeliveryId);
}
