using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Signal.Api.Http;

/// <summary>
/// The wire format (docs/decisions/0003): snake_case names, lowercase enum strings, UTC timestamps with Z, no unknown
/// or repeated fields.
/// </summary>
public static class JsonDefaults
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.MaxDepth = RequestLimits.MaxJsonDepth;

        // {"name":"a","name":"b"} means different things to different parsers (the first wins here, the last there):
        // a way to smuggle a value past whatever checked the body before. Refused.
        options.AllowDuplicateProperties = false;

        // Text is written as is — non-ASCII (names, the •••• of masked secrets) and <, >, &, ' alike: responses are
        // application/json with nosniff, never HTML, so "Admin > Data streams" need not read "Admin \u003E Data streams".
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new UtcDateTimeOffsetConverter());
        options.Converters.Add(new NulFreeStringConverter());
    }
}
