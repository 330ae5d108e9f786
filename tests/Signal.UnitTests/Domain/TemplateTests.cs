using System.Text.Json.Nodes;
using Signal.Domain.Catalog;
using Signal.Domain.Common;
using Signal.Domain.Templates;
using static Signal.UnitTests.Domain.CatalogFixtures;

namespace Signal.UnitTests.Domain;

public sealed class TemplateTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly CatalogVendor Acme = Vendor();
    private const string LongSecret = "acme-long-secret-1234";

    private static Template NewTemplate(string? description = null) => Template.Create("org_1", "Acme", "acme", description, Now);

    private static JsonObject Config(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public void Create_TrimsTheNameAndStartsWithoutRevisions()
    {
        var template = Template.Create("org_1", "  GA4  ", "ga4", null, Now);

        template.Id.Should().StartWith("tmpl_");
        template.Name.Should().Be("GA4");
        (template.LatestRevisionNumber, template.Latest).Should().Be((null, null));
        template.CatalogVendorKey.Should().BeNull();
        template.CreatedAt.Should().Be(Now).And.Be(template.UpdatedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("tab\there")]
    public void InvalidName_IsRefused(string name)
    {
        var create = () => Template.Create("org_1", name, "ga4", null, Now);

        create.Should().Throw<DomainRuleException>().Which.Errors.Should().ContainKey("name");
    }

    [Fact]
    public void NameOver100Characters_IsRefused()
    {
        var rename = () => NewTemplate().Rename(new string('x', 101), Now);

        rename.Should().Throw<DomainRuleException>().Which.Errors["name"].Should().Equal("must be at most 100 characters");
    }

    [Fact]
    public void Install_RecordsVendorAndVariant_AndMakesRevisionOneFromTheDefaultsAndTheUsersConfig()
    {
        var template = Template.Install("org_1", "Acme", Acme, variantKey: null, Config($$"""{"api_key":"{{LongSecret}}"}"""),
            deliveryMode: null, description: null, "user_1", Now);

        (template.CatalogVendorKey, template.CatalogVariantKey, template.LatestRevisionNumber).Should().Be(("acme", "default", 1));
        var revision = template.NewRevisions.Should().ContainSingle().Which;
        revision.Should().BeSameAs(template.Latest);
        revision.Config.ToJsonString().Should().Be(Config($$"""{"mode":"b","batch_size":10,"api_key":"{{LongSecret}}"}""").ToJsonString());
        (revision.DeliveryMode, revision.ChangeSummary, revision.CreatedBy).Should().Be(
            (DeliveryMode.ServerSide, "Initial setup from catalog: Acme (default variant)", "user_1"));
    }

    [Fact]
    public void Install_WithAnUnknownVariant_IsRefused_NamingTheVariants()
    {
        var install = () => Template.Install("org_1", "Acme", Acme, "wholesale", null, null, null, "user_1", Now);

        install.Should().Throw<DomainRuleException>().Which.Errors["variant"].Should().Equal("must be one of: default");
    }

    [Fact]
    public void AddRevision_HandsOutConsecutiveNumbersAndBumpsUpdatedAt()
    {
        var template = NewTemplate();

        var first = template.AddRevision(Acme, [], DeliveryMode.ServerSide, " first ", "user_1", Now.AddMinutes(1));
        var second = template.AddRevision(Acme, [], DeliveryMode.ClientSide, null, "user_2", Now.AddMinutes(2));

        first.Id.Should().StartWith("rev_").And.NotBe(second.Id);
        (first.RevisionNumber, first.ChangeSummary, first.TemplateId, first.OrgId).Should().Be((1, "first", template.Id, "org_1"));
        (second.RevisionNumber, second.DeliveryMode).Should().Be((2, DeliveryMode.ClientSide));
        (template.LatestRevisionNumber, template.Latest).Should().Be((2, second));
        template.UpdatedAt.Should().Be(Now.AddMinutes(2));
        template.NewRevisions.Should().Equal(first, second);
    }

    [Fact]
    public void AddRevision_JudgesTheConfigAgainstTheVendorsFields_ReportingEveryProblem()
    {
        var vendor = Vendor(fields: [Field("pixel_id") with { Required = true }, Field("mode", ConfigFieldType.Select, ["a", "b"])]);
        var template = NewTemplate();

        var add = () => template.AddRevision(vendor, Config("""{"mode":"c"}"""), DeliveryMode.ServerSide, null, "user_1", Now);

        add.Should().Throw<DomainRuleException>().Which.Errors.Keys.Should().BeEquivalentTo("config.pixel_id", "config.mode");
        (template.LatestRevisionNumber, template.NewRevisions.Count).Should().Be((null, 0));
    }

    [Fact]
    public void AddRevision_KeepsTheLatestSecret_WhenItsMaskIsSentBack_AndTakesANewOne()
    {
        var template = NewTemplate();
        template.AddRevision(Acme, Config($$"""{"api_key":"{{LongSecret}}"}"""), DeliveryMode.ServerSide, null, "user_1", Now);

        var kept = template.AddRevision(Acme, Config("""{"api_key":"••••1234"}"""), DeliveryMode.ServerSide, null, "user_1", Now);
        var replaced = template.AddRevision(Acme, Config("""{"api_key":"another-long-secret-9876"}"""), DeliveryMode.ServerSide, null, "user_1", Now);

        kept.Config["api_key"]!.GetValue<string>().Should().Be(LongSecret);
        replaced.Config["api_key"]!.GetValue<string>().Should().Be("another-long-secret-9876");
    }

    [Fact]
    public void AddRevision_DoesNotChangeTheConfigItWasGiven()
    {
        var template = NewTemplate();
        template.AddRevision(Acme, Config($$"""{"api_key":"{{LongSecret}}"}"""), DeliveryMode.ServerSide, null, "user_1", Now);
        var sent = Config("""{"api_key":"••••1234"}""");

        template.AddRevision(Acme, sent, DeliveryMode.ServerSide, null, "user_1", Now);

        sent["api_key"]!.GetValue<string>().Should().Be("••••1234");
    }

    [Fact]
    public void AddRevision_WithAChangeSummaryOver500Characters_IsRefused()
    {
        var add = () => NewTemplate().AddRevision(Acme, [], DeliveryMode.ServerSide, new string('x', 501), "user_1", Now);

        add.Should().Throw<DomainRuleException>().Which.Errors.Should().ContainKey("change_summary");
    }

    [Fact]
    public void AddRevision_ContinuesFromTheStoredLatestRevision()
    {
        var stored = Revision.Rehydrate("rev_7", "org_1", "tmpl_1", 7, Config($$"""{"api_key":"{{LongSecret}}"}"""),
            DeliveryMode.ServerSide, null, "user_1", Now);
        var template = Template.Rehydrate("tmpl_1", "org_1", "Acme", "acme", null, null, null, 7, stored, Now, Now);

        var next = template.AddRevision(Acme, Config("""{"api_key":"••••1234"}"""), DeliveryMode.ServerSide, null, "user_1", Now);

        next.RevisionNumber.Should().Be(8);
        next.Config["api_key"]!.GetValue<string>().Should().Be(LongSecret);
    }

    [Fact]
    public void AddRevision_ToATemplateLoadedWithoutItsLatestRevision_IsABug()
    {
        var template = Template.Rehydrate("tmpl_1", "org_1", "Acme", "acme", null, null, null, 7, latest: null, Now, Now);

        var add = () => template.AddRevision(Acme, [], DeliveryMode.ServerSide, null, "user_1", Now);

        add.Should().Throw<InvalidOperationException>().WithMessage("*without its latest revision*");
    }

    [Fact]
    public void AddRevision_WithAnotherVendorsFields_IsABug()
    {
        var add = () => NewTemplate().AddRevision(Vendor("other"), [], DeliveryMode.ServerSide, null, "user_1", Now);

        add.Should().Throw<InvalidOperationException>().WithMessage("*is of vendor 'acme'*");
    }

    [Fact]
    public void Rehydrate_WithALatestRevisionThatIsNotTheNewest_IsABug()
    {
        var stored = Revision.Rehydrate("rev_6", "org_1", "tmpl_1", 6, [], DeliveryMode.ServerSide, null, "user_1", Now);

        var load = () => Template.Rehydrate("tmpl_1", "org_1", "Acme", "acme", null, null, null, 7, stored, Now, Now);

        load.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void DeletedTemplate_TakesNoRevisions()
    {
        var template = NewTemplate();
        template.Delete(Now);

        var add = () => template.AddRevision(Acme, [], DeliveryMode.ServerSide, null, "user_1", Now);

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
        var template = NewTemplate("something");

        template.Describe("  ", Now);

        template.Description.Should().BeNull();
    }
}
