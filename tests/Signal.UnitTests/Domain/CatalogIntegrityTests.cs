using System.Text.Json.Nodes;
using Signal.Domain.Catalog;
using static Signal.UnitTests.Domain.CatalogFixtures;

namespace Signal.UnitTests.Domain;

public sealed class CatalogIntegrityTests
{
    [Fact]
    public void ValidCatalog_HasNoProblems() =>
        CatalogIntegrity.FindProblems([Vendor("a"), Vendor("b")]).Should().BeEmpty();

    [Fact]
    public void DuplicateVendorKeys_AreAProblem() =>
        CatalogIntegrity.FindProblems([Vendor("a"), Vendor("a")]).Should().Contain("vendor key 'a' is used 2 times");

    [Fact]
    public void VendorWithoutDefaultVariant_IsAProblem() =>
        CatalogIntegrity.FindProblems([Vendor(variants: [Variant("retail")])]).Should().Contain("acme: has no 'default' variant");

    [Fact]
    public void DuplicateVariantKeys_AreAProblem() =>
        CatalogIntegrity.FindProblems([Vendor(variants: [Variant("default"), Variant("default")])])
            .Should().Contain("acme: variant 'default' is declared more than once");

    [Fact]
    public void DuplicateFieldKeys_AreAProblem() =>
        CatalogIntegrity.FindProblems([Vendor(fields: [Field("id"), Field("id")])])
            .Should().Contain("acme: config field 'id' is declared more than once");

    [Fact]
    public void SelectWithoutOptions_IsAProblem() =>
        CatalogIntegrity.FindProblems([Vendor(fields: [Field("mode", ConfigFieldType.Select, [])])])
            .Should().Contain("acme: select field 'mode' has no options");

    [Fact]
    public void OptionsOnANonSelectField_AreAProblem() =>
        CatalogIntegrity.FindProblems([Vendor(fields: [Field("mode", ConfigFieldType.String, ["a"])])])
            .Should().Contain("acme: config field 'mode' has options but is not a select");

    [Fact]
    public void FieldDefaultOfTheWrongType_IsAProblem() =>
        CatalogIntegrity.FindProblems([Vendor(fields: [Field("timeout_ms", ConfigFieldType.Number, @default: "soon")])])
            .Should().Contain("acme: config field 'timeout_ms' default must be a number");

    [Fact]
    public void SecretWithADefault_IsAProblem() =>
        CatalogIntegrity.FindProblems([Vendor(fields: [Field("token", ConfigFieldType.Secret, @default: "s3cr3t")])])
            .Should().Contain("acme: secret field 'token' must not have a default");

    [Theory]
    [InlineData("mode", "c", "must be one of: a, b")]
    [InlineData("mode", 1, "must be one of: a, b")]
    [InlineData("api_key", true, "must be a string")]
    public void VariantDefaultThatDoesNotTypeCheck_IsAProblem(string field, object value, string expected)
    {
        var defaults = new JsonObject { [field] = JsonValue.Create(value) };

        CatalogIntegrity.FindProblems([Vendor(variants: [Variant("default", defaults)])])
            .Should().Contain($"acme: variant 'default' default for '{field}' {expected}");
    }

    [Fact]
    public void VariantDefaultForAnUndeclaredKey_IsAllowed() =>
        CatalogIntegrity.FindProblems([Vendor(variants: [Variant("default", new JsonObject { ["batch_size"] = "any" })])])
            .Should().BeEmpty();

    [Theory]
    [InlineData("Acme")]
    [InlineData("acme-ads")]
    [InlineData("1acme")]
    public void KeyThatIsNotLowercaseSnakeCase_IsAProblem(string key) =>
        CatalogIntegrity.FindProblems([Vendor(key)]).Should().Contain($"{key}: key must be lowercase letters, digits and underscores");

    [Theory]
    [InlineData("http://acme.example")]
    [InlineData("acme.example")]
    public void WebsiteThatIsNotHttps_IsAProblem(string website) =>
        CatalogIntegrity.FindProblems([Vendor(website: website)]).Should().Contain("acme: website must be an https URL");

    [Fact]
    public void VendorWithoutFields_IsAProblem() =>
        CatalogIntegrity.FindProblems([Vendor(fields: [])]).Should().Contain("acme: has no config fields");
}
