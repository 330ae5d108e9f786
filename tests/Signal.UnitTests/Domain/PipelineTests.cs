using System.Text.Json.Nodes;
using Signal.Domain.Common;
using Signal.Domain.Pipelines;

namespace Signal.UnitTests.Domain;

public sealed class PipelineTests
{
    private static readonly DateTimeOffset Created = new(2026, 2, 25, 14, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Created.AddHours(1);

    private static Pipeline NewPipeline(PipelineFields? fields = null) =>
        Pipeline.Create("pip_1", "org_1", "site", fields ?? new PipelineFields(Name: "Site"), "enc:v1:x", "sk_abcd", Created);

    [Fact]
    public void Create_FillsEveryFieldLeftOut_WithItsDefault()
    {
        var pipeline = NewPipeline();

        pipeline.Should().BeEquivalentTo(new
        {
            Name = "Site",
            Slug = "site",
            Type = PipelineType.Web,
            PipelineKey = "dk_pip_1",
            RateLimitRps = 1000,
            ChallengeTokenRequired = false,
            Enabled = true,
            DomainAllowlist = Array.Empty<string>(),
            Labels = Array.Empty<string>(),
            JsBuilderConfig = JsBuilderConfig.Default,
            IdentityConfig = IdentityConfig.Default,
            CreatedAt = Created,
            UpdatedAt = Created,
            DeletedAt = (DateTimeOffset?)null,
        }, options => options.ExcludingMissingMembers());
    }

    [Fact]
    public void Create_WithoutAName_IsRefused()
    {
        var create = () => NewPipeline(new PipelineFields(Labels: ["env:prod"]));

        create.Should().Throw<DomainRuleException>().Which.Errors.Should().ContainKey("name")
            .WhoseValue.Should().Equal("is required");
    }

    [Fact]
    public void Create_Normalises_NameTrimmed_HostsLowercasedOnce_LabelsOnce()
    {
        var pipeline = NewPipeline(new PipelineFields(
            Name: "  Site  ",
            DomainAllowlist: ["WWW.Example.com", "www.example.com", " *.Example.com "],
            Labels: ["env:prod", "env:prod", "brand:x"],
            IdentityConfig: new IdentityFields(CrossDomainDomains: ["A.com", "a.com"])));

        pipeline.Name.Should().Be("Site");
        pipeline.DomainAllowlist.Should().Equal("www.example.com", "*.example.com");
        pipeline.Labels.Should().Equal("env:prod", "brand:x");
        pipeline.IdentityConfig.CrossDomainDomains.Should().Equal("a.com");
    }

    [Fact]
    public void Create_ChecksTheSlugItIsGiven()
    {
        var create = () => Pipeline.Create("pip_1", "org_1", "Not A Slug", new PipelineFields(Name: "Site"), "enc:v1:x", "sk_abcd", Created);

        create.Should().Throw<DomainRuleException>().Which.Errors.Keys.Should().Equal("slug");
    }

    public static TheoryData<PipelineFields, string> BrokenFields => new()
    {
        { new PipelineFields(Name: " "), "name" },
        { new PipelineFields(Name: new string('n', PipelineRules.MaxNameLength + 1)), "name" },
        { new PipelineFields(Name: "tab\there"), "name" },
        { new PipelineFields(Slug: "Not A Slug"), "slug" },
        { new PipelineFields(RateLimitRps: 0), "rate_limit_rps" },
        { new PipelineFields(RateLimitRps: PipelineRules.MaxRateLimit + 1), "rate_limit_rps" },
        { new PipelineFields(DomainAllowlist: ["not a host"]), "domain_allowlist[0]" },
        { new PipelineFields(DomainAllowlist: Enumerable.Range(0, 101).Select(i => $"h{i}.com").ToList()), "domain_allowlist" },
        { new PipelineFields(Labels: ["has space"]), "labels[0]" },
        { new PipelineFields(Labels: Enumerable.Range(0, 51).Select(i => $"l{i}").ToList()), "labels" },
        { new PipelineFields(Parameters: new Dictionary<string, string> { ["1bad"] = "x" }), "parameters.1bad" },
        { new PipelineFields(Parameters: new Dictionary<string, string> { ["key"] = new string('v', 1025) }), "parameters.key" },
        { new PipelineFields(JsBuilderConfig: new JsBuilderFields(ScriptFilename: "../d.js")), "js_builder_config.script_filename" },
        { new PipelineFields(JsBuilderConfig: new JsBuilderFields(GlobalVariable: "window")), "js_builder_config.global_variable" },
        { new PipelineFields(IdentityConfig: new IdentityFields(CrossDomainDomains: ["bad host"])), "identity_config.cross_domain_domains[0]" },
    };

    [Theory]
    [MemberData(nameof(BrokenFields))]
    public void Change_BreakingARule_IsRefusedUnderItsJsonPath_AndChangesNothing(PipelineFields fields, string path)
    {
        var pipeline = NewPipeline();

        var change = () => pipeline.Change(fields, Later);

        change.Should().Throw<DomainRuleException>().Which.Errors.Keys.Should().Equal(path);
        pipeline.Should().BeEquivalentTo(NewPipeline());
    }

    [Fact]
    public void Violations_ReportsEveryBrokenRule_OneMessageEach()
    {
        var violations = new PipelineFields(Slug: "Bad", RateLimitRps: 0, Labels: ["a b", "c d"]).Violations(isNew: true);

        violations.Keys.Should().BeEquivalentTo("name", "slug", "rate_limit_rps", "labels[0]", "labels[1]");
        violations.Values.Should().OnlyContain(messages => messages.Length == 1);
    }

    [Fact]
    public void Change_IsPartial_ListsReplacedWhole_CollectorAndIdentityFieldByField()
    {
        var pipeline = NewPipeline(new PipelineFields(
            Name: "Site",
            Labels: ["env:prod"],
            JsBuilderConfig: new JsBuilderFields(ScriptFilename: "s.js", DeliveryMethod: DeliveryMethod.Download),
            IdentityConfig: new IdentityFields(CrossDomainEnabled: true)));

        pipeline.Change(new PipelineFields(
            Labels: ["brand:x"],
            RateLimitRps: 5,
            JsBuilderConfig: new JsBuilderFields(GlobalVariable: "_sig"),
            IdentityConfig: new IdentityFields(CrossDomainDomains: ["b.com"])), Later);

        pipeline.Name.Should().Be("Site");
        pipeline.Labels.Should().Equal("brand:x");
        pipeline.RateLimitRps.Should().Be(5);
        pipeline.JsBuilderConfig.Should().BeEquivalentTo(JsBuilderConfig.Default with
        {
            ScriptFilename = "s.js",
            GlobalVariable = "_sig",
            DeliveryMethod = DeliveryMethod.Download,
        });
        pipeline.IdentityConfig.CrossDomainEnabled.Should().BeTrue();
        pipeline.IdentityConfig.CrossDomainDomains.Should().Equal("b.com");
        pipeline.UpdatedAt.Should().Be(Later);
    }

    [Fact]
    public void Change_CopiesConfig_SoTheCallerCannotAlterItAfterwards()
    {
        var config = new JsonObject { ["a"] = 1 };
        var pipeline = NewPipeline();

        pipeline.Change(new PipelineFields(Config: config), Later);
        config["a"] = 2;

        pipeline.Config["a"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public void RotateSecret_ReplacesCiphertextAndPrefix()
    {
        var pipeline = NewPipeline();

        pipeline.RotateSecret("enc:v1:new", "sk_wxyz", Later);

        (pipeline.SecretCiphertext, pipeline.SecretPrefix, pipeline.UpdatedAt).Should().Be(("enc:v1:new", "sk_wxyz", Later));
    }

    [Fact]
    public void ADeletedPipeline_RefusesEveryChange_AsADomainError()
    {
        var pipeline = NewPipeline();
        pipeline.Delete(Later);

        var acts = new Action[]
        {
            () => pipeline.Change(new PipelineFields(Name: "Again"), Later),
            () => pipeline.RotateSecret("enc:v1:y", "sk_y", Later),
            () => pipeline.Delete(Later),
        };

        pipeline.DeletedAt.Should().Be(Later);
        foreach (var act in acts)
        {
            act.Should().Throw<DeletedAggregateException>().Which.Should().BeEquivalentTo(new { Resource = "Pipeline", Id = "pip_1" });
        }
    }

    [Fact]
    public void Rehydrate_ValidatesNothing_SoATightenedRuleLeavesStoredRowsReadable()
    {
        var stored = new PipelineFields("Name", "Old_Slug", PipelineType.App, ["old host"], ["a b"], 0, true,
            new Dictionary<string, string>(), [], JsBuilderConfig: new JsBuilderFields("d.js", "_df", DeliveryMethod.Cdn, [], [], false),
            IdentityConfig: new IdentityFields(false, [], []), Enabled: false);

        var pipeline = Pipeline.Rehydrate("pip_1", "org_1", stored, "enc:v1:x", "sk_abcd", Created, Later);

        (pipeline.Slug, pipeline.RateLimitRps, pipeline.Type, pipeline.Enabled, pipeline.UpdatedAt)
            .Should().Be(("Old_Slug", 0, PipelineType.App, false, Later));
    }
}
