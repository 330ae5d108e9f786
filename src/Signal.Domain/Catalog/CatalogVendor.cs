namespace Signal.Domain.Catalog;

/// <summary>A vendor integration offered by the catalog: its config fields and its variants.</summary>
public sealed record CatalogVendor(
    string Key,
    string Name,
    string Description,
    VendorCategory Category,
    VendorStatus Status,
    string Website,
    IReadOnlyList<ConfigField> ConfigFields,
    IReadOnlyList<CatalogVariant> Variants)
{
    public CatalogVariant? FindVariant(string key) => Variants.FirstOrDefault(v => v.Key == key);

    public ConfigField? FindField(string key) => ConfigFields.FirstOrDefault(f => f.Key == key);

    /// <summary>Whether the search term occurs in the key, name or description, ignoring case.</summary>
    public bool Matches(string term) =>
        Key.Contains(term, StringComparison.OrdinalIgnoreCase)
        || Name.Contains(term, StringComparison.OrdinalIgnoreCase)
        || Description.Contains(term, StringComparison.OrdinalIgnoreCase);
}
