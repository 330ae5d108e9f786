using Signal.Domain.Catalog;

namespace Signal.Application.Common.Abstractions;

/// <summary>The vendor catalog shipped with this build; loaded and checked once at start-up.</summary>
public interface IIntegrationCatalog
{
    /// <summary>All vendors, in catalog order.</summary>
    IReadOnlyList<CatalogVendor> Vendors { get; }

    CatalogVendor? Find(string vendorKey);
}

public static class IntegrationCatalogExtensions
{
    /// <summary>
    /// The vendor of a stored template or revision. Templates are only made for catalog vendors, so a miss means a build
    /// dropped a vendor that templates still use: a deployment error, not something the caller can fix.
    /// </summary>
    public static CatalogVendor Require(this IIntegrationCatalog catalog, string vendorKey) =>
        catalog.Find(vendorKey) ?? throw new InvalidOperationException($"Vendor '{vendorKey}' is not in the catalog.");
}
