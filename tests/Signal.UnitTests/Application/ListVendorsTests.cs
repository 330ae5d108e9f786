using FluentValidation.TestHelper;
using Signal.Application.Catalog.GetVendor;
using Signal.Application.Catalog.ListVendors;
using Signal.Application.Common.Errors;
using Signal.Domain.Catalog;
using static Signal.UnitTests.Domain.CatalogFixtures;

namespace Signal.UnitTests.Application;

public sealed class ListVendorsTests
{
    private readonly ListVendorsValidator _validator = new();

    [Theory]
    [InlineData(null, null)]
    [InlineData("cloud_storage", "beta")]
    [InlineData("advertising", "ga")]
    public void Validator_AcceptsKnownValues(string? category, string? status) =>
        _validator.TestValidate(new ListVendorsQuery(null, category, status)).ShouldNotHaveAnyValidationErrors();

    [Theory]
    [InlineData("CloudStorage")]
    [InlineData("cloud-storage")]
    [InlineData("")]
    public void Validator_RejectsUnknownCategories(string category) =>
        _validator.TestValidate(new ListVendorsQuery(null, category, null))
            .ShouldHaveValidationErrorFor(q => q.Category)
            .WithErrorMessage("must be one of: advertising, analytics, attribution, cdp, cloud_storage, other");

    [Fact]
    public void Validator_RejectsUnknownStatus() =>
        _validator.TestValidate(new ListVendorsQuery(null, null, "GA")).ShouldHaveValidationErrorFor(q => q.Status);

    [Fact]
    public void Validator_RejectsAnOverlongSearch() =>
        _validator.TestValidate(new ListVendorsQuery(new string('a', 201), null, null)).ShouldHaveValidationErrorFor(q => q.Search);

    [Fact]
    public async Task Handler_FiltersByCategoryStatusAndTrimmedSearch()
    {
        var catalog = new FakeCatalog(
            Vendor("alpha") with { Category = VendorCategory.Cdp, Description = "Sends events" },
            Vendor("beta") with { Category = VendorCategory.Cdp, Status = VendorStatus.Beta },
            Vendor("gamma") with { Category = VendorCategory.Analytics, Description = "Sends events" });

        var result = await new ListVendorsHandler(catalog).Handle(new ListVendorsQuery("  SENDS ", "cdp", "ga"), default);

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
