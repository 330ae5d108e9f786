using System.Diagnostics;
using System.Globalization;
using System.Text;
using Signal.Application.Webhooks;
using Signal.Application.Webhooks.DeliverWebhooks;

namespace Signal.Infrastructure.Webhooks;

/// <summary>
/// One attempt, as Standard Webhooks defines it: <c>POST</c> of the message's body with <c>webhook-id</c>,
/// <c>webhook-timestamp</c> and <c>webhook-signature</c>, through the <c>webhooks</c> client (checked addresses only, no
/// redirects, a fresh connection per attempt) within <see cref="WebhookSettings.Timeout"/>.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, WebhookSettings settings, TimeProvider time) : IWebhookSender
{
    public const string ClientName = "webhooks";
    private const int MaxErrorLength = 1024;

    public async Task<WebhookAttemptResult> SendAsync(WebhookMessage message, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var uri = new Uri(message.Url);
        if (uri.Scheme == Uri.UriSchemeHttp && !settings.AllowHttp)
        {
            return Failed(started, "refused: plain http is not allowed; the address must use https");
        }

        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(message.Body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", message.DeliveryId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSecret.Sign(message.Secrets, message.DeliveryId, timestamp, message.Body));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var body = await ReadStartAsync(response.Content, timeout.Token);
            var code = (int)response.StatusCode;
            var error = code switch
            {
                >= 200 and < 300 => null,
                >= 300 and < 400 => $"the receiver redirected to {response.Headers.Location?.ToString() ?? "(no Location)"}; redirects are not followed",
                _ => $"the receiver answered {code} {response.ReasonPhrase}",
            };
            return new WebhookAttemptResult(code, error, body, Elapsed(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(started, $"timed out after {settings.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            var refused = FindRefusal(e);
            return Failed(started, refused is null ? e.Message : $"refused: {refused.Message}");
        }
    }

    private static WebhookAttemptResult Failed(long started, string error) =>
        new(null, error.Length > MaxErrorLength ? error[..MaxErrorLength] : error, null, Elapsed(started));

    private static WebhookAddressRefusedException? FindRefusal(Exception? e) =>
        e switch { null => null, WebhookAddressRefusedException refused => refused, _ => FindRefusal(e.InnerException) };

    private static int Elapsed(long started) => (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    // The first 1 KB (in characters) of the response; a receiver that streams more is not read further.
    private static async Task<string?> ReadStartAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[WebhookAttemptResult.MaxResponseBodyLength];
        var read = 0;
        int chunk;
        while (read < buffer.Length && (chunk = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += chunk;
        }

        return read == 0 ? null : new string(buffer, 0, read);
    }
}
