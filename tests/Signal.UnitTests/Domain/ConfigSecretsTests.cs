using System.Text.Json.Nodes;
using Signal.Domain.Catalog;
using static Signal.UnitTests.Domain.CatalogFixtures;

namespace Signal.UnitTests.Domain;

public sealed class ConfigSecretsTests
{
    private static readonly CatalogVendor MetaLike = Vendor(fields:
        [Field("pixel_id"), Field("access_token", ConfigFieldType.Secret), Field("api_secret", ConfigFieldType.Secret)]);

    [Theory]
    [InlineData("EAAB-long-secret-1234", "••••1234")]
    [InlineData("shortsecret", "••••")]
    [InlineData("", "••••")]
    public void Mask_ShowsTheLastFourOnlyOfLongValues(string plaintext, string expected) =>
        ConfigSecrets.MaskOf(plaintext).Should().Be(expected);

    [Fact]
    public void Mask_MasksSecretFieldsButNotReferencesOrOtherFields()
    {
        var plain = JsonNode.Parse("""
            {"pixel_id":"123456789012345","access_token":"EAAB-long-secret-1234","api_secret":"{{pipeline_param.s}}"}
            """)!.AsObject();

        var masked = ConfigSecrets.Masked(MetaLike, plain);

        masked.ToJsonString().Should().Be(
            JsonNode.Parse("""{"pixel_id":"123456789012345","access_token":"••••1234","api_secret":"{{pipeline_param.s}}"}""")!.ToJsonString());
        plain["access_token"]!.GetValue<string>().Should().Be("EAAB-long-secret-1234", "the input is not changed");
    }

    [Fact]
    public void KeepUnchangedSecrets_RestoresOnlyExactMasks()
    {
        var latest = JsonNode.Parse("""{"access_token":"EAAB-long-secret-1234","api_secret":"another-long-secret-9876"}""")!.AsObject();
        var incoming = JsonNode.Parse("""{"access_token":"••••1234","api_secret":"••••0000"}""")!.AsObject();

        ConfigSecrets.KeepUnchanged(MetaLike, incoming, latest);

        incoming["access_token"]!.GetValue<string>().Should().Be("EAAB-long-secret-1234");
        incoming["api_secret"]!.GetValue<string>().Should().Be("••••0000");
    }
}
