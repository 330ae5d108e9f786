using Mediator;

namespace Signal.Application.Catalog.GetVendor;

public sealed record GetVendorQuery(string Vendor) : IQuery<VendorResponse>;
