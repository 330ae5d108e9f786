using System.Text.Json;
using System.Text.Json.Serialization;

namespace Signal.Client;

/// <summary>The API's wire format for the generated clients: lowercase snake_case enum values (cloud_storage, server_side).</summary>
public static class SignalJson
{
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Insert(0, new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        return options;
    }
}

/// <summary>Put on the generated models' enum properties in place of <see cref="JsonStringEnumConverter{TEnum}"/>.</summary>
public sealed class WireEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
