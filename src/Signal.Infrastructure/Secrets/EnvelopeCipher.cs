using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Signal.Infrastructure.Secrets;

/// <summary>
/// AES-256-GCM for secret values and for wrapping data keys. A protected value is self-describing:
/// <c>enc:v1:&lt;data key id&gt;:&lt;nonce&gt;:&lt;ciphertext+tag&gt;</c> (base64url). The associated data is not stored: the caller
/// supplies it from where the value belongs, so a value read from anywhere else fails authentication.
/// </summary>
public static class EnvelopeCipher
{
    public const string Prefix = "enc:v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static string Encrypt(string dataKeyId, byte[] dataKey, string associatedData, string plaintext)
    {
        var sealedBytes = Seal(dataKey, Encoding.UTF8.GetBytes(associatedData), Encoding.UTF8.GetBytes(plaintext));
        return $"{Prefix}{dataKeyId}:{Base64Url.EncodeToString(sealedBytes.AsSpan(0, NonceSize))}:{Base64Url.EncodeToString(sealedBytes.AsSpan(NonceSize))}";
    }

    /// <summary>The data key id a protected value names; throws when the value is not in the <c>enc:v1</c> format.</summary>
    public static string DataKeyIdOf(string protectedValue) => Parse(protectedValue).KeyId;

    public static string Decrypt(byte[] dataKey, string associatedData, string protectedValue)
    {
        var (_, nonce, data) = Parse(protectedValue);
        return Encoding.UTF8.GetString(Open(dataKey, Encoding.UTF8.GetBytes(associatedData), [.. nonce, .. data]));
    }

    /// <summary>nonce ‖ ciphertext ‖ tag.</summary>
    public static byte[] Seal(byte[] key, byte[] associatedData, byte[] plaintext)
    {
        var output = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize, plaintext.Length), output.AsSpan(NonceSize + plaintext.Length), associatedData);
        return output;
    }

    /// <summary>Opens what <see cref="Seal"/> made; throws <see cref="CryptographicException"/> on any tampering.</summary>
    public static byte[] Open(byte[] key, byte[] associatedData, byte[] sealedBytes)
    {
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The protected value is truncated.");
        }

        var cipherLength = sealedBytes.Length - NonceSize - TagSize;
        var plaintext = new byte[cipherLength];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(
            sealedBytes.AsSpan(0, NonceSize),
            sealedBytes.AsSpan(NonceSize, cipherLength),
            sealedBytes.AsSpan(NonceSize + cipherLength),
            plaintext,
            associatedData);
        return plaintext;
    }

    private static (string KeyId, byte[] Nonce, byte[] Data) Parse(string protectedValue)
    {
        var parts = protectedValue.StartsWith(Prefix, StringComparison.Ordinal)
            ? protectedValue[Prefix.Length..].Split(':')
            : [];
        if (parts.Length != 3)
        {
            throw new CryptographicException("The value is not an enc:v1 protected value.");
        }

        try
        {
            return (parts[0], Base64Url.DecodeFromChars(parts[1]), Base64Url.DecodeFromChars(parts[2]));
        }
        catch (FormatException e)
        {
            throw new CryptographicException("The protected value is not valid base64url.", e);
        }
    }
}
