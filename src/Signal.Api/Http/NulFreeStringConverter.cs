using System.Text.Json;
using System.Text.Json.Serialization;

namespace Signal.Api.Http;

/// <summary>
/// Reads JSON strings, refusing one that holds the NUL character: PostgreSQL cannot store it, and the model-binding
/// error names the field (<c>errors.name: ["must not contain the NUL character (\u0000)"]</c>).
/// </summary>
public sealed class NulFreeStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        return value is not null && value.Contains('\0', StringComparison.Ordinal)
            ? throw new JsonException(NulCharacterMiddleware.Message)
            : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
