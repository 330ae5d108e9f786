using FluentValidation.TestHelper;
using Signal.Application.Catalog.GetVendor;
using Signal.Application.Catalog.ListVendors;
using Signal.Application.Common.Errors;
using Signal.Domain.Catalog;
using static Signal.UnitTests.Domain.CatalogFixtures;

namespace Signal.UnitTests.Application;

public sealed class ListVendorsTests
{
    [Fact]
    public void Validator_RejectsAnOverlongSearch() =>
        new ListVendorsValidator().TestValidate(new ListVendorsQuery(new string('a', 201), null, null)).ShouldHaveValidationErrorFor(q => q.Search);

    [Fact]
    public async Task Handler_FiltersByCategoryStatusAndTrimmedSearch()
    {
        var catalog = new FakeCatalog(
            Vendor("alpha") with { Category = VendorCategory.Cdp, Description = "Sends events" },
            Vendor("beta") with { Category = VendorCategory.Cdp, Status = VendorStatus.Beta },
            Vendor("gamma") with { Category = VendorCategory.Analytics, Description = "Sends events" });

        var result = await new ListVendorsHandler(catalog).Handle(new ListVendorsQuery("  SENDS ", VendorCategory.Cdp, VendorStatus.Ga), default);

        result.Vendors.Select(v => v.Key).Should().Equal("alpha");
        result.Total.Should().Be(1);
        result.Categories.Should().Equal(Enum.GetValues<VendorCategory>());
    }

    [Fact]
    public async Task GetVendor_UnknownKey_ThrowsNotFound()
    {
        var handler = new GetVendorHandler(new FakeCatalog(Vendor("alpha")));

        var get = async () => await handler.Handle(new GetVendorQuery("omega"), default);

        (await get.Should().ThrowAsync<NotFoundException>()).Which.Code.Should().Be("not_found");
    }
}
