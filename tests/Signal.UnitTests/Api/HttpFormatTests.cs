using System.Text.Json;
using Signal.Api.Http;

namespace Signal.UnitTests.Api;

public sealed class HttpFormatTests
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    [Theory]
    [InlineData("2026-02-25T16:30:00+02:00", "\"2026-02-25T14:30:00Z\"")]
    [InlineData("2026-02-25T14:30:00.1234560Z", "\"2026-02-25T14:30:00.123456Z\"")]
    public void Timestamps_AreWrittenInUtcWithZ(string input, string expected) =>
        JsonSerializer.Serialize(DateTimeOffset.Parse(input, System.Globalization.CultureInfo.InvariantCulture), Options).Should().Be(expected);

    [Fact]
    public void Timestamps_ReadAnyOffset_AsUtc() =>
        JsonSerializer.Deserialize<DateTimeOffset>("\"2026-02-25T16:30:00+02:00\"", Options).Offset.Should().Be(TimeSpan.Zero);

    [Fact]
    public void Names_AreSnakeCaseAndEnumsLowercaseStrings() =>
        JsonSerializer.Serialize(new Sample(Signal.Domain.Catalog.VendorCategory.CloudStorage, null), Options)
            .Should().Be("""{"vendor_category":"cloud_storage","help_text":null}""");

    [Fact]
    public void UnknownFields_AreRejected()
    {
        var read = () => JsonSerializer.Deserialize<Sample>("""{"vendor_category":"cdp","help_text":null,"org_id":"x"}""", Options);

        read.Should().Throw<JsonException>().WithMessage("*org_id*");
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        JsonDefaults.Apply(options);
        return options;
    }

    private sealed record Sample(Signal.Domain.Catalog.VendorCategory VendorCategory, string? HelpText);
}
