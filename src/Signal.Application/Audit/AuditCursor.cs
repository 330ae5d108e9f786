using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Signal.Application.Audit;

/// <summary>
/// The opaque cursor of the audit list: where the last page ended, in chain order. Keyset underneath, so events written
/// while a client pages never shift what it has still to read (they are newer than its first page).
/// </summary>
public static class AuditCursor
{
    private const string Prefix = "evt-seq:";

    public static string Encode(long sequence) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + sequence.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string? cursor, out long sequence)
    {
        sequence = 0;
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 64 || !Base64Url.IsValid(cursor))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        return text.StartsWith(Prefix, StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out sequence)
            && sequence > 0;
    }
}
