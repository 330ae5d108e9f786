using Signal.Domain.Catalog;

namespace Signal.Application.Catalog.ListVendors;

/// <summary><c>total</c> counts the vendors returned; <c>categories</c> always lists all six.</summary>
public sealed record ListVendorsResponse(
    IReadOnlyList<VendorResponse> Vendors,
    int Total,
    IReadOnlyList<VendorCategory> Categories);
