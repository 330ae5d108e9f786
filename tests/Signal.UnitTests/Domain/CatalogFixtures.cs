using System.Text.Json.Nodes;
using Signal.Domain.Catalog;

namespace Signal.UnitTests.Domain;

/// <summary>A small valid vendor that each test breaks in one way.</summary>
public static class CatalogFixtures
{
    public static ConfigField Field(string key, ConfigFieldType type = ConfigFieldType.String, IReadOnlyList<string>? options = null, JsonNode? @default = null) =>
        new(key, key.ToUpperInvariant(), type, Required: false, Placeholder: null, HelpText: null, options, @default);

    public static CatalogVariant Variant(string key, JsonObject? defaults = null) =>
        new(key, key, $"{key} variant", defaults ?? []);

    public static CatalogVendor Vendor(
        string key = "acme",
        IReadOnlyList<ConfigField>? fields = null,
        IReadOnlyList<CatalogVariant>? variants = null,
        string website = "https://acme.example/docs") =>
        new(key, "Acme", "Acme events API", VendorCategory.Other, VendorStatus.Ga, website,
            fields ?? [Field("api_key", ConfigFieldType.Secret), Field("mode", ConfigFieldType.Select, ["a", "b"], "a")],
            variants ?? [Variant(CatalogVariant.DefaultKey, new JsonObject { ["mode"] = "b", ["batch_size"] = 10 })]);
}
