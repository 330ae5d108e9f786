using Signal.Domain.Catalog;

namespace Signal.Application.Common.Abstractions;

/// <summary>The vendor catalog shipped with this build; loaded and checked once at start-up.</summary>
public interface IIntegrationCatalog
{
    /// <summary>All vendors, in catalog order.</summary>
    IReadOnlyList<CatalogVendor> Vendors { get; }

    CatalogVendor? Find(string vendorKey);
}
