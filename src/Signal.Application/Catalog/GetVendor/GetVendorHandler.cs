using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.Catalog.GetVendor;

public sealed class GetVendorHandler(IIntegrationCatalog catalog) : IQueryHandler<GetVendorQuery, VendorResponse>
{
    public ValueTask<VendorResponse> Handle(GetVendorQuery query, CancellationToken cancellationToken)
    {
        var vendor = catalog.Find(query.Vendor) ?? throw new NotFoundException("Catalog vendor", query.Vendor);
        return ValueTask.FromResult(vendor.ToResponse());
    }
}
