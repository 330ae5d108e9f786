namespace Signal.Domain.Catalog;

/// <summary>The six groups the catalog sorts vendors into.</summary>
public enum VendorCategory
{
    Advertising,
    Analytics,
    Attribution,
    Cdp,
    CloudStorage,
    Other,
}
