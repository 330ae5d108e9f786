using System.Text.Json;
using System.Text.Json.Serialization;

namespace Signal.Api.Http;

/// <summary>The wire format of SPEC §3: snake_case names, lowercase enum strings, UTC timestamps with Z, no unknown fields.</summary>
public static class JsonDefaults
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.MaxDepth = RequestLimits.MaxJsonDepth;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new UtcDateTimeOffsetConverter());
    }
}
