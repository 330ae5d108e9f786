using System.Text.Json.Nodes;
using Signal.Domain.Common;
using Signal.Domain.Templates;

namespace Signal.UnitTests.Domain;

public sealed class TemplateTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_TrimsTheNameAndStartsWithoutRevisions()
    {
        var template = Template.Create("org_1", "  GA4  ", "ga4", null, null, Now);

        template.Id.Should().StartWith("tmpl_");
        template.Name.Should().Be("GA4");
        template.LatestRevisionNumber.Should().BeNull();
        template.CatalogVendorKey.Should().BeNull();
        template.CreatedAt.Should().Be(Now).And.Be(template.UpdatedAt);
    }

    [Fact]
    public void Create_FromCatalog_RecordsVendorAndVariant()
    {
        var template = Template.Create("org_1", "Meta", "meta_capi", null, "retail", Now);

        template.CatalogVendorKey.Should().Be("meta_capi");
        template.CatalogVariantKey.Should().Be("retail");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("tab\there")]
    public void InvalidName_IsRefused(string name)
    {
        var create = () => Template.Create("org_1", name, "ga4", null, null, Now);

        create.Should().Throw<DomainRuleException>().Which.Errors.Should().ContainKey("name");
    }

    [Fact]
    public void NameOver100Characters_IsRefused()
    {
        var template = Template.Create("org_1", "ok", "ga4", null, null, Now);

        var rename = () => template.Rename(new string('x', 101), Now);

        rename.Should().Throw<DomainRuleException>().Which.Errors["name"].Should().Equal("must be at most 100 characters");
    }

    [Fact]
    public void AddRevision_HandsOutConsecutiveNumbersAndBumpsUpdatedAt()
    {
        var template = Template.Create("org_1", "GA4", "ga4", null, null, Now);

        var first = template.AddRevision("rev_a", [], DeliveryMode.ServerSide, " first ", "user_1", Now.AddMinutes(1));
        var second = template.AddRevision("rev_b", [], DeliveryMode.ClientSide, null, "user_2", Now.AddMinutes(2));

        first.RevisionNumber.Should().Be(1);
        first.ChangeSummary.Should().Be("first");
        second.RevisionNumber.Should().Be(2);
        template.LatestRevisionNumber.Should().Be(2);
        template.UpdatedAt.Should().Be(Now.AddMinutes(2));
        template.NewRevisions.Should().Equal(first, second);
    }

    [Fact]
    public void AddRevision_ContinuesFromTheStoredLatestNumber()
    {
        var template = Template.Rehydrate("tmpl_1", "org_1", "GA4", "ga4", null, null, null, 7, Now, Now);

        template.AddRevision("rev_c", new JsonObject(), DeliveryMode.ServerSide, null, "user_1", Now).RevisionNumber.Should().Be(8);
    }

    [Fact]
    public void DeletedTemplate_TakesNoRevisions()
    {
        var template = Template.Create("org_1", "GA4", "ga4", null, null, Now);
        template.Delete(Now);

        var add = () => template.AddRevision("rev_d", [], DeliveryMode.ServerSide, null, "user_1", Now);

        add.Should().Throw<DeletedAggregateException>().Which.Resource.Should().Be("Template");
    }

    [Fact]
    public void Revision_HasNoSetters()
    {
        typeof(Revision).GetProperties().Should().OnlyContain(p => p.SetMethod == null, "revisions are immutable");
        typeof(Revision).IsSealed.Should().BeTrue();
        typeof(Revision).GetConstructors().Should().BeEmpty("only the template creates revisions");
    }

    [Fact]
    public void Describe_WithBlank_ClearsTheDescription()
    {
        var template = Template.Create("org_1", "GA4", "ga4", "something", null, Now);

        template.Describe("  ", Now);

        template.Description.Should().BeNull();
    }
}
