using System.Text.Json;
using System.Text.Json.Nodes;
using Signal.Domain.Audit;
using Signal.Domain.Common;
using Signal.Domain.PipelineIntegrations;
using Signal.Domain.Pipelines;
using Signal.Domain.Templates;
using static Signal.UnitTests.Domain.CatalogFixtures;

namespace Signal.UnitTests.Domain;

/// <summary>What the aggregates record of their changes: the action, and only the fields that changed.</summary>
public sealed class RecordedChangeTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 25, 10, 0, 0, TimeSpan.Zero);
    private const string Secret = "acme-long-secret-1234";

    private static Pipeline NewPipeline(PipelineFields? fields = null) =>
        Pipeline.Create("pip_1", "org_1", "shop", fields ?? new PipelineFields(Name: "Shop"), "enc:v1:x", "sk_abcd", Now);

    private static Dictionary<string, string> Changes(RecordedChange change) =>
        change.Changes.ToDictionary(c => c.Path, c => $"{Text(c.Old)} -> {Text(c.New)}");

    private static string Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? $"\"{value.GetValue<string>()}\"" : node?.ToJsonString() ?? "null";

    [Fact]
    public void Creation_RecordsEverySetField_WithNoOldValue()
    {
        var change = NewPipeline(new PipelineFields(Name: "Shop", Labels: ["env:prod"], Parameters: new Dictionary<string, string> { ["region"] = "eu" }))
            .TakeRecordedChanges().Should().ContainSingle().Which;

        (change.Action, change.ResourceType, change.ResourceId, change.ResourceName, change.OrgId)
            .Should().Be(("pipeline.created", "pipeline", "pip_1", "Shop", "org_1"));
        var changes = Changes(change);
        changes.Should().Contain("name", "null -> \"Shop\"").And.Contain("labels", "null -> [\"env:prod\"]")
            .And.Contain("parameters.region", "null -> \"eu\"").And.Contain("pipeline_key_secret_prefix", "null -> \"sk_abcd\"")
            .And.Contain("js_builder_config.script_filename", "null -> \"d.js\"");
        changes.Keys.Should().NotContain(k => k.Contains("ciphertext", StringComparison.Ordinal) || k == "pipeline_key_secret");
    }

    [Fact]
    public void AChange_RecordsOnlyTheFieldsThatChanged_AndNothingWhenNoneDid()
    {
        var pipeline = NewPipeline();
        pipeline.TakeRecordedChanges();

        pipeline.Change(new PipelineFields(Name: "Shop", RateLimitRps: 50, JsBuilderConfig: new JsBuilderFields(GlobalVariable: "_sig")), Now);
        pipeline.Change(new PipelineFields(Name: "Shop"), Now);

        var change = pipeline.TakeRecordedChanges().Should().ContainSingle().Which;
        change.Action.Should().Be("pipeline.updated");
        Changes(change).Should().Equal(new Dictionary<string, string>
        {
            ["js_builder_config.global_variable"] = "\"_df\" -> \"_sig\"",
            ["rate_limit_rps"] = "1000 -> 50",
        });
    }

    [Fact]
    public void ARotation_ShowsOnlyThePrefixes()
    {
        var pipeline = NewPipeline();
        pipeline.TakeRecordedChanges();

        pipeline.RotateSecret("enc:v1:y", "sk_wxyz", Now);

        Changes(pipeline.TakeRecordedChanges().Single()).Should().Equal(new Dictionary<string, string>
        {
            ["pipeline_key_secret_prefix"] = "\"sk_abcd\" -> \"sk_wxyz\"",
        });
    }

    [Fact]
    public void TwoStepsOfOneChange_MergeIntoOneRecord_AndAStepUndoneDisappears()
    {
        var template = Template.Create("org_1", "Acme", "acme", null, Now);
        var first = template.AddRevision(Vendor(), [], DeliveryMode.ServerSide, null, "user_1", Now);
        var second = template.AddRevision(Vendor(), [], DeliveryMode.ServerSide, null, "user_1", Now);
        var assignment = PipelineIntegration.Create("org_1", "pip_1", first.Ref, "Acme", enabled: true, Now);
        assignment.TakeRecordedChanges();

        assignment.Pin(second.Ref, Now);
        assignment.SetEnabled(false, Now);
        assignment.SetEnabled(true, Now);

        var change = assignment.TakeRecordedChanges().Should().ContainSingle().Which;
        (change.Action, change.ResourceName).Should().Be(("pipeline_integration.updated", "Acme"));
        Changes(change).Keys.Should().Equal("revision_id", "revision_number");
        Changes(change)["revision_number"].Should().Be("1 -> 2");
    }

    [Fact]
    public void AnInstall_IsOneRecordOfTheTemplate_WithItsFirstRevisionsSecretsMasked()
    {
        var template = Template.Install("org_1", "Acme", Vendor(), variantKey: null, new JsonObject { ["api_key"] = Secret },
            deliveryMode: null, description: null, "user_1", Now);

        var change = template.TakeRecordedChanges().Should().ContainSingle().Which;
        (change.Action, change.ResourceType, change.ResourceId).Should().Be(("catalog.installed", "integration_template", template.Id));
        Changes(change).Should().Contain("config.api_key", "null -> \"••••1234\"").And.Contain("revision_number", "null -> 1")
            .And.Contain("revision_id", $"null -> \"{template.Latest!.Id}\"").And.Contain("catalog_variant_key", "null -> \"default\"");
        string.Join(" ", Changes(change).Values).Should().NotContain(Secret);
    }

    [Fact]
    public void ANewRevision_IsARecordOfTheRevision_SecretsMasked()
    {
        var template = Template.Create("org_1", "Acme", "acme", null, Now);
        template.TakeRecordedChanges();

        var revision = template.AddRevision(Vendor(), new JsonObject { ["api_key"] = Secret }, DeliveryMode.ClientSide, "first", "user_1", Now);

        var change = template.TakeRecordedChanges().Should().ContainSingle().Which;
        (change.Action, change.ResourceType, change.ResourceId, change.ResourceName)
            .Should().Be(("integration_revision.created", "integration_revision", revision.Id, "Acme revision 1"));
        Changes(change).Should().Contain("config.api_key", "null -> \"••••1234\"").And.Contain("delivery_mode", "null -> \"client_side\"");
    }

    [Fact]
    public void Deletions_AndActionsWithoutFields_RecordNoChanges()
    {
        var pipeline = NewPipeline();
        pipeline.TakeRecordedChanges();

        pipeline.RecordChallengeTokenIssued(Now);
        pipeline.RecordCollectorBuildRequested(Now);
        pipeline.Delete(Now);

        pipeline.TakeRecordedChanges().Select(c => (c.Action, c.Changes.Count)).Should().Equal(
            ("pipeline.challenge_token_issued", 0), ("pipeline.collector_build_requested", 0), ("pipeline.deleted", 0));
        var afterDelete = () => pipeline.RecordChallengeTokenIssued(Now);
        afterDelete.Should().Throw<DeletedAggregateException>();
    }
}
