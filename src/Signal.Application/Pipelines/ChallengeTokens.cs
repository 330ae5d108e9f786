using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Signal.Application.Pipelines;

/// <summary>
/// Short-lived challenge tokens (docs/challenge-tokens.md):
/// <c>ct_&lt;pipeline id&gt;.&lt;expiry, unix seconds&gt;.&lt;nonce&gt;.&lt;signature&gt;</c>, the signature an HMAC-SHA256 under a key
/// derived with HKDF from the pipeline's key secret. Anyone holding the secret — the event processor — can verify one;
/// rotating the secret invalidates every outstanding token.
/// </summary>
public static class ChallengeTokens
{
    public const string Prefix = "ct_";
    private static readonly byte[] KeyInfo = Encoding.UTF8.GetBytes("signal:challenge-token:v1");

    public static string Issue(string pipelineId, string pipelineSecret, DateTimeOffset expiresAt)
    {
        var nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        var body = $"{pipelineId}.{expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}.{nonce}";
        return $"{Prefix}{body}.{Base64Url.EncodeToString(Sign(pipelineSecret, body))}";
    }

    /// <summary>Checks a token for <paramref name="pipelineId"/> with nothing but the pipeline's current secret.</summary>
    public static ChallengeTokenCheck Verify(string token, string pipelineId, string pipelineSecret, DateTimeOffset now)
    {
        var parts = token.StartsWith(Prefix, StringComparison.Ordinal) ? token[Prefix.Length..].Split('.') : [];
        if (parts.Length != 4
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt)
            || !Base64Url.IsValid(parts[3]))
        {
            return ChallengeTokenCheck.Malformed;
        }

        var body = $"{parts[0]}.{parts[1]}.{parts[2]}";
        if (!CryptographicOperations.FixedTimeEquals(Base64Url.DecodeFromChars(parts[3]), Sign(pipelineSecret, body)))
        {
            return ChallengeTokenCheck.BadSignature;
        }

        if (parts[0] != pipelineId)
        {
            return ChallengeTokenCheck.OtherPipeline;
        }

        return now.ToUnixTimeSeconds() < expiresAt ? ChallengeTokenCheck.Valid : ChallengeTokenCheck.Expired;
    }

    private static byte[] Sign(string pipelineSecret, string body)
    {
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(pipelineSecret), 32, salt: [], info: KeyInfo);
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(body));
    }
}

public enum ChallengeTokenCheck
{
    Valid,
    Malformed,
    BadSignature,
    OtherPipeline,
    Expired,
}
