using System.Text.Json;
using System.Text.Json.Serialization;
using Signal.Domain.Common;

namespace Signal.Api.Http;

/// <summary>Writes timestamps in UTC with a <c>Z</c> suffix (<c>2026-02-25T14:30:00Z</c>); reads any ISO 8601 offset.</summary>
public sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(WireNames.Of(value));
}
