using System.Text.Json;
using Signal.Application.Pipelines.Collector;
using Signal.Domain.Common;
using Signal.Domain.Pipelines;
using Signal.Domain.Templates;

namespace Signal.UnitTests.Application;

public sealed class WireNamesTests
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    public static TheoryData<Enum> StoredValues()
    {
        var data = new TheoryData<Enum>();
        foreach (var value in Enum.GetValues<PipelineType>().Cast<Enum>()
            .Concat(Enum.GetValues<DeliveryMode>().Cast<Enum>())
            .Concat(Enum.GetValues<DeliveryMethod>().Cast<Enum>())
            .Concat(Enum.GetValues<CollectorBuildStatus>().Cast<Enum>()))
        {
            data.Add(value);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StoredValues))]
    public void EveryStoredValue_RoundTrips_AndMatchesItsJsonName(Enum value)
    {
        var name = WireNames.Of(value);
        var parse = typeof(WireNames).GetMethod(nameof(WireNames.Parse))!.MakeGenericMethod(value.GetType());

        parse.Invoke(null, [name]).Should().Be(value);
        JsonSerializer.Serialize(value, value.GetType(), Json).Should().Be($"\"{name}\"", "the JSON name and the stored name are one");
    }

    [Fact]
    public void AnUnknownStoredName_IsAnError_NamingTheAcceptedOnes_NeverADefault()
    {
        var parse = () => WireNames.Parse<PipelineType>("kiosk");

        parse.Should().Throw<FormatException>().WithMessage("'kiosk' is not a PipelineType; expected one of: web, app, server.");
    }
}
