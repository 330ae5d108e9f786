using System.Buffers.Text;
using System.Text;

namespace Signal.Application.Webhooks.ListWebhookDeliveries;

/// <summary>
/// The opaque cursor of a delivery log: the last delivery of the page (ids are time-ordered). Keyset underneath, so
/// deliveries queued while a client pages never shift what it has still to read.
/// </summary>
public static class DeliveryCursor
{
    private const string Prefix = "whd:";

    public static string Encode(string deliveryId) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + deliveryId));

    public static bool TryDecode(string? cursor, out string deliveryId)
    {
        deliveryId = string.Empty;
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 128 || !Base64Url.IsValid(cursor))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        if (!text.StartsWith(Prefix + "msg_", StringComparison.Ordinal))
        {
            return false;
        }

        deliveryId = text[Prefix.Length..];
        return true;
    }
}
