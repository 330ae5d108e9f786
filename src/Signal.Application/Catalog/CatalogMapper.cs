using Riok.Mapperly.Abstractions;
using Signal.Domain.Catalog;

namespace Signal.Application.Catalog;

[Mapper]
public static partial class CatalogMapper
{
    public static partial VendorResponse ToResponse(this CatalogVendor vendor);

    [MapperIgnoreSource(nameof(ConfigField.IsSecret))]
    private static partial ConfigFieldResponse ToResponse(ConfigField field);
}
