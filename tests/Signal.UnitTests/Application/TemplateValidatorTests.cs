using FluentValidation.TestHelper;
using Signal.Application.Common.Abstractions;
using Signal.Application.Templates.CreateRevision;
using Signal.Application.Templates.CreateTemplate;
using Signal.Application.Templates.GetRevision;
using Signal.Application.Templates.InstallFromCatalog;
using Signal.Application.Templates.ListTemplates;
using Signal.Application.Templates.UpdateTemplate;
using Signal.Domain.Templates;
using static Signal.UnitTests.Domain.CatalogFixtures;

namespace Signal.UnitTests.Application;

public sealed class TemplateValidatorTests
{
    private static readonly IIntegrationCatalog Catalog = new FakeCatalog(Vendor("acme"));

    [Theory]
    [InlineData("", "acme", "Name")]
    [InlineData("ok", "nope", "Vendor")]
    public void CreateTemplate_ChecksNameAndVendor(string name, string vendor, string property) =>
        new CreateTemplateValidator(Catalog).TestValidate(new CreateTemplateCommand(name, vendor, null))
            .ShouldHaveValidationErrorFor(property);

    [Fact]
    public void Install_ChecksNameDescriptionAndVariant()
    {
        var result = new InstallFromCatalogValidator().TestValidate(
            new InstallFromCatalogCommand("acme", " ", "", null, null, new string('d', 1001)));

        result.ShouldHaveValidationErrorFor(c => c.Name);
        result.ShouldHaveValidationErrorFor(c => c.Variant);
        result.ShouldHaveValidationErrorFor(c => c.Description);
    }

    [Fact]
    public void Update_NeedsAtLeastOneField() =>
        new UpdateTemplateValidator().TestValidate(new UpdateTemplateCommand("tmpl_1", null, null, null))
            .ShouldHaveValidationErrorFor("body");

    [Fact]
    public void CreateRevision_BoundsTheChangeSummary() =>
        new CreateRevisionValidator().TestValidate(new CreateRevisionCommand("tmpl_1", [], DeliveryMode.ServerSide, new string('s', 501)))
            .ShouldHaveValidationErrorFor(c => c.ChangeSummary);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(101, 0)]
    [InlineData(10, -1)]
    public void ListTemplates_BoundsPaging(int limit, int offset) =>
        new ListTemplatesValidator(Catalog).TestValidate(new ListTemplatesQuery(null, null, null, limit, offset)).IsValid.Should().BeFalse();

    [Theory]
    [InlineData("3", true)]
    [InlineData("rev_abc", true)]
    [InlineData("0", false)]
    [InlineData("-1", false)]
    [InlineData("v3", false)]
    public void GetRevision_AcceptsANumberOrARevisionId(string rev, bool valid) =>
        new GetRevisionValidator().TestValidate(new GetRevisionQuery("tmpl_1", rev)).IsValid.Should().Be(valid);
}
