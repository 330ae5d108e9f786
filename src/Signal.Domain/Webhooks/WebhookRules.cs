using Signal.Domain.Audit;

namespace Signal.Domain.Webhooks;

/// <summary>What a subscription may hold: shared by the request validators and the aggregate.</summary>
public static class WebhookRules
{
    public const int MaxUrlLength = 2048;
    public const int MaxEvents = 50;
    public const int MaxDescriptionLength = 500;

    /// <summary>What <c>events</c> may name: an action, or a resource's actions as <c>resource.*</c>.</summary>
    public static IReadOnlyList<string> Patterns => AuditActions.Patterns;

    public static readonly string PatternsMessage = $"must be one of: {string.Join(", ", AuditActions.Patterns)}";

    /// <summary>
    /// Why <paramref name="url"/> cannot be a webhook's address, or null: it must be absolute, <c>https</c> (or
    /// <c>http</c> when <paramref name="allowHttp"/>), without credentials or a fragment, at most 2048 characters.
    /// </summary>
    public static string? UrlProblem(string? url, bool allowHttp)
    {
        if (string.IsNullOrEmpty(url))
        {
            return "is required";
        }

        if (url.Length > MaxUrlLength)
        {
            return $"must be at most {MaxUrlLength} characters";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return "must be an absolute URL, like https://hooks.example.com/signal";
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(allowHttp && uri.Scheme == Uri.UriSchemeHttp))
        {
            return "must use https";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "must not contain credentials; authenticate the sender by the webhook-signature header instead";
        }

        return uri.Fragment.Length > 0 ? "must not have a fragment (#…)" : null;
    }
}
