using System.Security.Cryptography;
using System.Text;

namespace Signal.Application.Webhooks;

/// <summary>
/// Signing secrets and signatures as Standard Webhooks defines them: a secret is <c>whsec_</c> + base64 of random
/// bytes (the bytes are the HMAC key); a signature is <c>v1,</c> + base64 of HMAC-SHA256 over
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c>.
/// </summary>
public static class WebhookSecret
{
    public const string FieldName = "webhook_secret";
    private const string Prefix = "whsec_";

    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The <c>webhook-signature</c> value: one <c>v1,…</c> per secret, space-separated.</summary>
    public static string Sign(IEnumerable<string> secrets, string messageId, long timestamp, string body)
    {
        var signed = Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}");
        return string.Join(' ', secrets.Select(secret => "v1," + Convert.ToBase64String(HMACSHA256.HashData(KeyOf(secret), signed))));
    }

    private static byte[] KeyOf(string secret) =>
        Convert.FromBase64String(secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret);
}
