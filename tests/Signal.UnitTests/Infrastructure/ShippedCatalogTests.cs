using System.Text;
using Signal.Domain.Catalog;
using Signal.Infrastructure.Catalog;

namespace Signal.UnitTests.Infrastructure;

/// <summary>The catalog this build ships: its 39 vendors, each with real fields and a default variant.</summary>
public sealed class ShippedCatalogTests
{
    private static readonly EmbeddedIntegrationCatalog Catalog = EmbeddedIntegrationCatalog.Load();

    private static readonly string[] SpecKeys =
    [
        "meta_capi", "google_ads", "tiktok", "snapchat", "pinterest", "linkedin", "reddit", "x_ads", "microsoft_ads",
        "the_trade_desk", "criteo", "amazon_ads", "ga4", "amplitude", "mixpanel", "heap", "adobe_analytics", "posthog",
        "piwik_pro", "matomo", "appsflyer", "adjust", "branch", "kochava", "singular", "segment", "braze", "klaviyo",
        "hubspot", "iterable", "customer_io", "bigquery", "snowflake", "s3", "gcs", "azure_blob", "redshift", "webhook",
        "kafka",
    ];

    [Fact]
    public void Catalog_HasExactlyTheSpecsVendorKeys() =>
        Catalog.Vendors.Select(v => v.Key).Should().BeEquivalentTo(SpecKeys).And.HaveCount(39);

    [Fact]
    public void Catalog_PassesEveryIntegrityRule() => CatalogIntegrity.FindProblems(Catalog.Vendors).Should().BeEmpty();

    [Fact]
    public void EveryCategory_HasVendors() =>
        Catalog.Vendors.Select(v => v.Category).Distinct().Should().BeEquivalentTo(Enum.GetValues<VendorCategory>());

    [Fact]
    public void SeveralVendors_AreBeta() =>
        Catalog.Vendors.Count(v => v.Status == VendorStatus.Beta).Should().BeGreaterThanOrEqualTo(3);

    [Fact]
    public void EveryVendor_HasADefaultVariantAndARequiredField()
    {
        Catalog.Vendors.Should().OnlyContain(v => v.FindVariant(CatalogVariant.DefaultKey) != null);
        Catalog.Vendors.Should().OnlyContain(v => v.ConfigFields.Any(f => f.Required));
    }

    [Theory]
    [InlineData("meta_capi", "pixel_id", ConfigFieldType.String)]
    [InlineData("meta_capi", "access_token", ConfigFieldType.Secret)]
    [InlineData("meta_capi", "test_event_code", ConfigFieldType.String)]
    [InlineData("ga4", "measurement_id", ConfigFieldType.String)]
    [InlineData("ga4", "api_secret", ConfigFieldType.Secret)]
    [InlineData("segment", "write_key", ConfigFieldType.Secret)]
    [InlineData("s3", "secret_access_key", ConfigFieldType.Secret)]
    public void Vendors_DeclareTheFieldsOfTheirPublicApis(string vendor, string field, ConfigFieldType type) =>
        Catalog.Find(vendor)!.FindField(field)!.Type.Should().Be(type);

    [Fact]
    public void MetaCapi_RetailVariant_IsTheSeedsExample() =>
        Catalog.Find("meta_capi")!.FindVariant("retail")!.DefaultConfig.ToJsonString()
            .Should().Be("""{"batch_size":100,"include_catalog_data":true}""");

    [Fact]
    public void Find_IsCaseSensitiveAndReturnsNullForUnknownKeys()
    {
        Catalog.Find("ga4").Should().NotBeNull();
        Catalog.Find("GA4").Should().BeNull();
        Catalog.Find("acme").Should().BeNull();
    }

    [Fact]
    public void FromJson_RejectsABrokenCatalogWithEveryProblem()
    {
        const string json = """
            [{"key":"acme","name":"Acme","description":"d","category":"other","status":"ga","website":"https://a.example",
              "config_fields":[{"key":"mode","label":"Mode","type":"select","required":true,"placeholder":null,"help_text":null}],
              "variants":[{"key":"retail","name":"Retail","description":"r","default_config":{}}]}]
            """;

        var load = () => EmbeddedIntegrationCatalog.FromJson(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        load.Should().Throw<InvalidCatalogException>()
            .Which.Problems.Should().BeEquivalentTo("acme: select field 'mode' has no options", "acme: has no 'default' variant");
    }

    [Theory]
    [InlineData("""[{"key":"acme","unknown":1}]""")]
    [InlineData("""[{"key":"acme","name":"A","description":"d","category":"games","status":"ga","website":"https://a.example","config_fields":[],"variants":[]}]""")]
    [InlineData("not json")]
    public void FromJson_RejectsADocumentThatDoesNotParse(string json)
    {
        var load = () => EmbeddedIntegrationCatalog.FromJson(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        load.Should().Throw<InvalidCatalogException>().Which.Message.Should().Contain("does not parse");
    }
}
