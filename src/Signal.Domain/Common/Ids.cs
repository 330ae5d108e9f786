using System.Security.Cryptography;

namespace Signal.Domain.Common;

/// <summary>
/// Identifiers of the form <c>prefix_</c> + 26 lowercase Crockford base32 characters: 48 bits of milliseconds then
/// 80 random bits, so they sort by creation time and reveal nothing else.
/// </summary>
public static class Ids
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string New(string prefix, DateTimeOffset now)
    {
        Span<byte> random = stackalloc byte[10];
        RandomNumberGenerator.Fill(random);
        var value = (UInt128)(ulong)now.ToUnixTimeMilliseconds() << 80;
        for (var i = 0; i < random.Length; i++)
        {
            value |= (UInt128)random[i] << (8 * (random.Length - 1 - i));
        }

        Span<char> encoded = stackalloc char[26];
        for (var i = encoded.Length - 1; i >= 0; i--)
        {
            encoded[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return $"{prefix}_{encoded}";
    }
}
