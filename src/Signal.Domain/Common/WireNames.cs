using System.Globalization;
using System.Text.Json;

namespace Signal.Domain.Common;

/// <summary>
/// The one mapping between enums and their names on the wire and in the database: lowercase snake_case
/// (<c>cloud_storage</c>, <c>server_side</c>). The JSON converters use the same naming policy.
/// </summary>
public static class WireNames
{
    /// <summary>Timestamps: UTC with a <c>Z</c>, fractional seconds to the microsecond PostgreSQL keeps, trailing zeros dropped.</summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'";

    public static string Of(DateTimeOffset timestamp) => timestamp.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static string Of(Enum value) => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static IEnumerable<string> All<TEnum>() where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(Of);

    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (Of(candidate) == text)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>A stored name back to its value; an unknown name is an error, never a silent default.</summary>
    public static TEnum Parse<TEnum>(string? text) where TEnum : struct, Enum =>
        TryParse<TEnum>(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a {typeof(TEnum).Name}; expected one of: {string.Join(", ", All<TEnum>())}.");
}
