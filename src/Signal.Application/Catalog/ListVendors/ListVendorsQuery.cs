using Mediator;

namespace Signal.Application.Catalog.ListVendors;

/// <summary>Lists catalog vendors; every filter is optional and they combine with AND.</summary>
/// <param name="Search">Case-insensitive substring of the key, name or description.</param>
/// <param name="Category">One of the six categories, in its wire form (<c>cloud_storage</c>).</param>
/// <param name="Status"><c>ga</c> or <c>beta</c>.</param>
public sealed record ListVendorsQuery(string? Search, string? Category, string? Status) : IQuery<ListVendorsResponse>;
