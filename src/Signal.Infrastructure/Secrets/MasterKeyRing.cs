using Microsoft.Extensions.Configuration;

namespace Signal.Infrastructure.Secrets;

/// <summary>
/// The master keys from configuration (<c>Secrets:MasterKeys:&lt;id&gt;</c>, base64 of 32 bytes) and the one new data keys
/// are wrapped with (<c>Secrets:ActiveKeyId</c>). Never stored in the database. Older keys stay configured until
/// <c>rewrap-data-keys</c> has moved every data key to the active one.
/// </summary>
public sealed class MasterKeyRing
{
    public const int KeySize = 32;

    private readonly Dictionary<string, byte[]> _keys;

    private MasterKeyRing(Dictionary<string, byte[]> keys, string activeKeyId)
    {
        _keys = keys;
        ActiveKeyId = activeKeyId;
    }

    public string ActiveKeyId { get; }

    public byte[] ActiveKey => _keys[ActiveKeyId];

    /// <summary>The key with this id; throws when it is no longer configured.</summary>
    public byte[] Get(string keyId) => _keys.TryGetValue(keyId, out var key)
        ? key
        : throw new InvalidOperationException(
            $"Master key '{keyId}' is not configured (Secrets:MasterKeys:{keyId}); data keys wrapped with it cannot be opened.");

    public static MasterKeyRing From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Secrets");
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in section.GetSection("MasterKeys").GetChildren())
        {
            keys[entry.Key] = Decode(entry.Key, entry.Value);
        }

        var active = section["ActiveKeyId"];
        if (keys.Count == 0 || string.IsNullOrEmpty(active) || !keys.ContainsKey(active))
        {
            throw new InvalidOperationException(
                "Secrets are not configured: set Secrets:MasterKeys:<id> to a base64 32-byte key and Secrets:ActiveKeyId to its id "
                + "(environment: Secrets__MasterKeys__<id>, Secrets__ActiveKeyId). scripts/run generates one for local use.");
        }

        return new MasterKeyRing(keys, active);
    }

    private static byte[] Decode(string id, string? base64)
    {
        try
        {
            var key = Convert.FromBase64String(base64 ?? string.Empty);
            return key.Length == KeySize ? key : throw new FormatException();
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"Secrets:MasterKeys:{id} must be the base64 encoding of exactly {KeySize} bytes.");
        }
    }
}
