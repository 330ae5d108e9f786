using System.Text.Json.Nodes;
using Signal.Domain.Catalog;
using static Signal.UnitTests.Domain.CatalogFixtures;

namespace Signal.UnitTests.Domain;

public sealed class VendorConfigTests
{
    private static readonly CatalogVendor Vendor = CatalogFixtures.Vendor(fields:
    [
        Field("pixel_id") with { Required = true },
        Field("access_token", ConfigFieldType.Secret) with { Required = true },
        Field("batch_size", ConfigFieldType.Number, @default: 100),
        Field("debug", ConfigFieldType.Boolean),
        Field("mode", ConfigFieldType.Select, ["a", "b"]),
    ]);

    [Fact]
    public void ValidConfig_WithUndeclaredKeys_HasNoProblems() =>
        VendorConfig.FindProblems(Vendor, Config("""{"pixel_id":"1","access_token":"t","batch_size":5,"debug":true,"mode":"b","extra":[1]}"""))
            .Should().BeEmpty();

    [Theory]
    [InlineData("""{"access_token":"t"}""", "config.pixel_id", "is required")]
    [InlineData("""{"pixel_id":null,"access_token":"t"}""", "config.pixel_id", "is required")]
    [InlineData("""{"pixel_id":"","access_token":"t"}""", "config.pixel_id", "is required")]
    [InlineData("""{"pixel_id":1,"access_token":"t"}""", "config.pixel_id", "must be a string")]
    [InlineData("""{"pixel_id":"1","access_token":"t","batch_size":"5"}""", "config.batch_size", "must be a number")]
    [InlineData("""{"pixel_id":"1","access_token":"t","debug":1}""", "config.debug", "must be true or false")]
    [InlineData("""{"pixel_id":"1","access_token":"t","mode":"c"}""", "config.mode", "must be one of: a, b")]
    public void BrokenRule_IsReportedForItsField(string json, string field, string message) =>
        VendorConfig.FindProblems(Vendor, Config(json)).Should().ContainKey(field).WhoseValue.Should().Equal(message);

    [Fact]
    public void EveryProblem_IsReportedAtOnce() =>
        VendorConfig.FindProblems(Vendor, Config("""{"debug":"no","mode":7}""")).Keys
            .Should().BeEquivalentTo("config.pixel_id", "config.access_token", "config.debug", "config.mode");

    [Theory]
    [InlineData("pixel_id")]
    [InlineData("batch_size")]
    [InlineData("debug")]
    [InlineData("mode")]
    public void ExactParameterReference_IsAcceptedForAnyFieldType(string field)
    {
        var config = Config("""{"pixel_id":"1","access_token":"t"}""");
        config[field] = "{{pipeline_param.some_key}}";

        VendorConfig.FindProblems(Vendor, config).Should().BeEmpty();
    }

    [Theory]
    [InlineData("{{pipeline_param.1bad}}")]
    [InlineData("{{pipeline_param.a-b}}")]
    [InlineData("x{{pipeline_param.ok}}")]
    public void MalformedOrEmbeddedReference_InANumberField_IsATypeError(string value)
    {
        var config = Config("""{"pixel_id":"1","access_token":"t"}""");
        config["batch_size"] = value;

        VendorConfig.FindProblems(Vendor, config).Should().ContainKey("config.batch_size");
    }

    [Fact]
    public void ForInstall_LayersFieldDefaultsVariantDefaultsAndUserConfig()
    {
        var vendor = Vendor with
        {
            Variants = [Variant("default", Config("""{"batch_size":50,"nested":{"a":1,"b":2},"list":[1,2]}"""))],
        };

        var config = VendorConfig.ForInstall(vendor, vendor.Variants[0], Config("""{"pixel_id":"9","nested":{"b":3,"c":4},"list":[9]}"""));

        JsonNode.DeepEquals(config, JsonNode.Parse("""
            {"batch_size":50,"nested":{"a":1,"b":3,"c":4},"list":[9],"pixel_id":"9"}
            """)).Should().BeTrue(config.ToJsonString());
    }

    [Fact]
    public void ForInstall_DoesNotShareNodesWithTheCatalog()
    {
        var variant = Variant("default", Config("""{"nested":{"a":1}}"""));
        var vendor = Vendor with { Variants = [variant] };

        var config = VendorConfig.ForInstall(vendor, variant, null);
        config["nested"]!["a"] = 2;

        variant.DefaultConfig["nested"]!["a"]!.GetValue<int>().Should().Be(1);
    }

    private static JsonObject Config(string json) => JsonNode.Parse(json)!.AsObject();
}
