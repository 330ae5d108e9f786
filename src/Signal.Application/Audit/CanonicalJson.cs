using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Signal.Application.Audit;

/// <summary>
/// The JSON Canonicalization Scheme (RFC 8785): no whitespace, object members sorted by their names' UTF-16 code units,
/// strings escaped only where JSON requires it, numbers as ECMAScript prints a double. Any language has an
/// implementation, so an auditor can recompute an audit event's hash without this code.
/// </summary>
public static class CanonicalJson
{
    public static string Of(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return text.ToString();
    }

    /// <summary>
    /// The canonical form of <paramref name="obj"/> in two parts around the value of its member
    /// <paramref name="name"/>: <c>Before + canonical value + After</c> is the canonical form of the object. Lets another
    /// party (the database) supply that one value.
    /// </summary>
    public static (string Before, string After) Around(JsonObject obj, string name)
    {
        var before = new StringBuilder("{");
        if (WriteMembers(obj.Where(m => string.CompareOrdinal(m.Key, name) < 0), before))
        {
            before.Append(',');
        }

        WriteString(name, before);
        before.Append(':');
        var after = new StringBuilder();
        var later = obj.Where(m => string.CompareOrdinal(m.Key, name) > 0).ToList();
        if (later.Count > 0)
        {
            after.Append(',');
            WriteMembers(later, after);
        }

        return (before.ToString(), after.Append('}').ToString());
    }

    // Writes the members sorted by name, comma-separated; false when there were none.
    private static bool WriteMembers(IEnumerable<KeyValuePair<string, JsonNode?>> members, StringBuilder text)
    {
        var first = true;
        foreach (var (name, value) in members.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(first ? "" : ",");
            first = false;
            WriteString(name, text);
            text.Append(':');
            Write(value, text);
        }

        return !first;
    }

    private static void Write(JsonNode? node, StringBuilder text)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                text.Append('{');
                WriteMembers(obj, text);
                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? "" : ",");
                    Write(array[i], text);
                }

                text.Append(']');
                break;
            default:
                WriteValue(node.AsValue(), text);
                break;
        }
    }

    private static void WriteValue(JsonValue value, StringBuilder text)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(value.GetValue<string>(), text);
                break;
            case JsonValueKind.Number:
                text.Append(Number(double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)));
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            default:
                text.Append("null");
                break;
        }
    }

    private static void WriteString(string value, StringBuilder text)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case < ' ': text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: text.Append(c); break;
            }
        }

        text.Append('"');
    }

    /// <summary>A double as ECMAScript's Number.prototype.toString prints it (RFC 8785 §3.2.2.3).</summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "JSON has no NaN or infinity.");
        }

        if (value == 0)
        {
            return "0";
        }

        // The shortest round-trip digits and the decimal exponent n: value = 0.d1d2…dk × 10^n.
        var (digits, n) = Decompose(Math.Abs(value).ToString("R", CultureInfo.InvariantCulture));
        var k = digits.Length;
        var sign = value < 0 ? "-" : "";
        if (k <= n && n <= 21)
        {
            return sign + digits + new string('0', n - k);
        }

        if (0 < n && n <= 21)
        {
            return sign + digits[..n] + "." + digits[n..];
        }

        if (-6 < n && n <= 0)
        {
            return sign + "0." + new string('0', -n) + digits;
        }

        var exponent = n - 1;
        var mantissa = k == 1 ? digits : digits[..1] + "." + digits[1..];
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
    }

    // "1.2345E+21" or "123.45" or "0.001" → significant digits without leading or trailing zeros, and n.
    private static (string Digits, int N) Decompose(string roundTrip)
    {
        var e = roundTrip.IndexOfAny(['E', 'e']);
        var mantissa = e < 0 ? roundTrip : roundTrip[..e];
        var exponent = e < 0 ? 0 : int.Parse(roundTrip[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = point < 0 ? mantissa.Length : point;
        var all = mantissa.Replace(".", "", StringComparison.Ordinal);
        var leadingZeros = all.Length - all.TrimStart('0').Length;
        var digits = all.Trim('0');
        return (digits, integerDigits + exponent - leadingZeros);
    }
}
