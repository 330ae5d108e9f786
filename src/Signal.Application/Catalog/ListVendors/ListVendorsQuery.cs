using Mediator;
using Signal.Domain.Catalog;

namespace Signal.Application.Catalog.ListVendors;

/// <summary>Lists catalog vendors; every filter is optional and they combine with AND.</summary>
/// <param name="Search">Case-insensitive substring of the key, name or description.</param>
/// <param name="Category">One of the six categories.</param>
/// <param name="Status">Availability.</param>
public sealed record ListVendorsQuery(string? Search, VendorCategory? Category, VendorStatus? Status) : IQuery<ListVendorsResponse>;
