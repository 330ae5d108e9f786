using Signal.Api.Contracts.Webhooks;
using Signal.Application.Webhooks;
using Signal.Application.Webhooks.DeleteWebhook;
using Signal.Application.Webhooks.ListWebhookDeliveries;
using Signal.Application.Webhooks.ListWebhooks;
using Signal.Domain.Webhooks;

namespace Signal.Api.OpenApi;

/// <summary>Examples of the webhook bodies: a partner's receiver of pipeline changes and rollbacks.</summary>
public static class WebhookExamples
{
    public static Dictionary<Type, object> All(DateTimeOffset at)
    {
        var webhook = new WebhookResponse
        {
            Id = "wh_01jn7d3f5h7k9m1p3r5t7v9x1z",
            Url = "https://hooks.partner.example/signal",
            Events = ["pipeline.*", "rollout.rolled_back"],
            Description = "Partner sync: config changes",
            Enabled = true,
            DisabledReason = null,
            PreviousSecretExpiresAt = null,
            CreatedAt = at,
            UpdatedAt = at,
        };
        var withSecret = new WebhookWithSecretResponse(webhook, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        var delivery = new WebhookDeliveryResponse("msg_01jn7d4g6j8l0n2q4s6u8w0y2a9f3c1e7b", webhook.Id, "evt_01jn7d4g6j8l0n2q4s6u8w0y2a",
            "pipeline.updated", DeliveryOutcome.Delivered, 2, null, at, at.AddSeconds(6),
            [
                new WebhookAttemptResponse(1, at, 10004, null, "timed out after 10 s", null),
                new WebhookAttemptResponse(2, at.AddSeconds(6), 84, 200, null, """{"ok":true}"""),
            ]);
        return new Dictionary<Type, object>
        {
            [typeof(CreateWebhookRequest)] = new CreateWebhookRequest("https://hooks.partner.example/signal", ["pipeline.*", "rollout.rolled_back"],
                "Partner sync: config changes"),
            [typeof(UpdateWebhookRequest)] = new UpdateWebhookRequest(Events: ["pipeline.*", "pipeline_integration.*", "rollout.rolled_back"]),
            [typeof(WebhookResponse)] = webhook,
            [typeof(WebhookWithSecretResponse)] = withSecret,
            [typeof(ListWebhooksResponse)] = new ListWebhooksResponse([webhook], 1, 50, 0),
            [typeof(DeleteWebhookResponse)] = new DeleteWebhookResponse("deleted"),
            [typeof(WebhookDeliveryResponse)] = delivery,
            [typeof(ListWebhookDeliveriesResponse)] = new ListWebhookDeliveriesResponse([delivery], null),
        };
    }
}
