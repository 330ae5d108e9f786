using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Signal.Domain.Common;

namespace Signal.Application.Webhooks.DeliverWebhooks;

/// <summary>
/// A delivery ready to send: where, the body (<c>{ type, timestamp, data }</c>, the same bytes on every attempt), the
/// secrets that sign it, in plaintext — a class, not a record, so that it never prints them.
/// </summary>
public sealed class WebhookMessage(DueDelivery due, IReadOnlyList<string> secrets)
{
    private static readonly JsonSerializerOptions BodyOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The <c>webhook-id</c> header: the same for every attempt of this event to this subscription.</summary>
    public string DeliveryId { get; } = due.Id;

    public string OrgId { get; } = due.OrgId;

    public string WebhookId { get; } = due.WebhookId;

    public string Url { get; } = due.Url;

    public int Attempt { get; } = due.Attempt;

    public bool CountsAsEvent { get; } = due.CountsAsEvent;

    public string Body { get; } = new JsonObject
    {
        ["type"] = due.EventType,
        ["timestamp"] = WireNames.Of(due.EventTime),
        ["data"] = due.Data.DeepClone(),
    }.ToJsonString(BodyOptions);

    /// <summary>The current secret, then the previous one while it still signs.</summary>
    public IReadOnlyList<string> Secrets { get; } = secrets;
}
