using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Signal.Infrastructure.Webhooks;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Webhooks;

public static class WebhookApi
{
    public const string WebhooksPath = "/v1/admin/webhooks";

    /// <summary>Subscribes <paramref name="url"/> to <paramref name="events"/>; expects 201 (with the secret).</summary>
    public static async Task<JsonNode> SubscribeAsync(this HttpClient admin, string url, params string[] events) =>
        await (await admin.PostJsonAsync(WebhooksPath, $$"""{"url":"{{url}}","events":[{{string.Join(",", events.Select(e => $"\"{e}\""))}}]}"""))
            .ShouldBeAsync(HttpStatusCode.Created);

    public static async Task<JsonNode> DeliveriesAsync(this HttpClient admin, string webhookId, string query = "") =>
        await (await admin.GetAsync(new Uri($"{WebhooksPath}/{webhookId}/deliveries{query}", UriKind.Relative))).ShouldBeAsync(HttpStatusCode.OK);

    public static async Task<JsonNode> WebhookAsync(this HttpClient admin, string webhookId) =>
        await (await admin.GetAsync(new Uri($"{WebhooksPath}/{webhookId}", UriKind.Relative))).ShouldBeAsync(HttpStatusCode.OK);

    /// <summary>One pass of the webhook worker of <paramref name="factory"/>'s host; returns the attempts it made.</summary>
    public static Task<int> DeliverAsync(this SignalApiFactory factory, CancellationToken cancellationToken = default) =>
        factory.Services.GetRequiredService<WebhookWorker>().RunOnceAsync(cancellationToken);

    public static string Id(this JsonNode node, string member) => node[member]!.GetValue<string>();
}
