using Signal.Application.Common.Abstractions;
using Signal.Domain.Catalog;

namespace Signal.UnitTests.Application;

/// <summary>A catalog of the given vendors, for handlers and validators that read the catalog.</summary>
public sealed class FakeCatalog(params CatalogVendor[] vendors) : IIntegrationCatalog
{
    public IReadOnlyList<CatalogVendor> Vendors { get; } = vendors;

    public CatalogVendor? Find(string vendorKey) => Vendors.FirstOrDefault(v => v.Key == vendorKey);
}
