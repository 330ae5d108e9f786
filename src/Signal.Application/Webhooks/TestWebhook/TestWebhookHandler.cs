using System.Text.Json.Nodes;
using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;
using Signal.Domain.Common;

namespace Signal.Application.Webhooks.TestWebhook;

/// <remarks>Queued for an enabled or a disabled subscription alike: testing a receiver is how one decides to enable it again.</remarks>
public sealed class TestWebhookHandler(
    IWebhookRepository webhooks, IWebhookDeliveries deliveries, ICurrentUser user, TimeProvider time)
    : ICommandHandler<TestWebhookCommand, WebhookDeliveryResponse>
{
    public const string EventType = "webhook.test";

    public async ValueTask<WebhookDeliveryResponse> Handle(TestWebhookCommand command, CancellationToken cancellationToken)
    {
        var webhook = await webhooks.FindForUpdateAsync(user.OrgId, command.Id, cancellationToken)
            ?? throw new NotFoundException("Webhook", command.Id);
        var now = time.GetUtcNow();
        var data = new JsonObject
        {
            ["webhook_id"] = webhook.Id,
            ["org_id"] = webhook.OrgId,
            ["requested_by"] = user.UserId,
            ["requested_at"] = WireNames.Of(now),
            ["message"] = "A test event from Signal: verify its webhook-signature the way you will verify every event.",
        };
        return await deliveries.QueueTestAsync(webhook, data, now, cancellationToken);
    }
}
