using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Domain.Catalog;

namespace Signal.Application.Catalog.ListVendors;

public sealed class ListVendorsHandler(IIntegrationCatalog catalog) : IQueryHandler<ListVendorsQuery, ListVendorsResponse>
{
    private static readonly VendorCategory[] AllCategories = Enum.GetValues<VendorCategory>();

    public ValueTask<ListVendorsResponse> Handle(ListVendorsQuery query, CancellationToken cancellationToken)
    {
        IEnumerable<CatalogVendor> vendors = catalog.Vendors;
        if (query.Category is { } category)
        {
            vendors = vendors.Where(v => v.Category == category);
        }

        if (query.Status is { } status)
        {
            vendors = vendors.Where(v => v.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            vendors = vendors.Where(v => v.Matches(term));
        }

        var found = vendors.Select(v => v.ToResponse()).ToList();
        return ValueTask.FromResult(new ListVendorsResponse(found, found.Count, AllCategories));
    }
}
