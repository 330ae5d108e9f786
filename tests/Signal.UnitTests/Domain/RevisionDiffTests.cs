using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Signal.Domain.Catalog;
using Signal.Domain.Common;
using Signal.Domain.Templates;
using static Signal.UnitTests.Domain.CatalogFixtures;

namespace Signal.UnitTests.Domain;

public sealed class RevisionDiffTests
{
    private static readonly CatalogVendor Acme = Vendor(fields: [Field("api_key", ConfigFieldType.Secret), Field("region"), Field("options")]);

    private static RevisionContent Content(string json, DeliveryMode mode = DeliveryMode.ServerSide) => new(JsonNode.Parse(json)!.AsObject(), mode);

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // One line per change; "-" where the value is absent or JSON null (the kind tells which).
    private static List<string> Describe(IReadOnlyList<LeafChange> changes) =>
        changes.Select(c => $"{c.Path} {c.Change} {c.Old?.ToJsonString(Readable) ?? "-"} {c.New?.ToJsonString(Readable) ?? "-"};").ToList();

    [Fact]
    public void AddedRemovedAndChangedLeaves_OrderedByPath()
    {
        var changes = RevisionDiff.Between(Acme,
            Content("""{"region":"eu","batch":10,"old_flag":true}"""),
            Content("""{"region":"us","batch":10,"new_flag":false}"""));

        Describe(changes).Should().Equal(
            """config.new_flag Added - false;""",
            """config.old_flag Removed true -;""",
            """config.region Changed "eu" "us";""");
    }

    [Fact]
    public void NestedObjects_AreWalkedPerLeaf_ArraysAreComparedWhole()
    {
        var changes = RevisionDiff.Between(Acme,
            Content("""{"options":{"retry":{"max":3,"backoff":"linear"},"events":["purchase","lead"]}}"""),
            Content("""{"options":{"retry":{"max":5,"backoff":"linear"},"events":["purchase"],"added":{"x":1}}}"""));

        Describe(changes).Should().Equal(
            """config.options.added.x Added - 1;""",
            """config.options.events Changed ["purchase","lead"] ["purchase"];""",
            """config.options.retry.max Changed 3 5;""");
    }

    [Fact]
    public void ANullValue_DiffersFromAnAbsentKey_AndAnObjectReplacingAScalar_IsOneChange()
    {
        var changes = RevisionDiff.Between(Acme, Content("""{"a":null,"b":"flat"}"""), Content("""{"b":{"deep":1}}"""));

        Describe(changes).Should().Equal("""config.a Removed - -;""", """config.b Changed "flat" {"deep":1};""");
    }

    [Fact]
    public void AChangedSecret_IsShownMasked_OnBothSides()
    {
        var changes = RevisionDiff.Between(Acme,
            Content("""{"api_key":"first-long-secret-1111"}"""), Content("""{"api_key":"second-long-secret-2222"}"""));

        Describe(changes).Should().Equal("""config.api_key Changed "••••1111" "••••2222";""");
    }

    [Fact]
    public void AnUnchangedSecret_IsNoChange()
    {
        RevisionDiff.Between(Acme, Content("""{"api_key":"same-long-secret-1111"}"""), Content("""{"api_key":"same-long-secret-1111"}"""))
            .Should().BeEmpty();
    }

    [Fact]
    public void ASecretThatBecomesAParameterReference_ShowsTheReference()
    {
        var changes = RevisionDiff.Between(Acme,
            Content("""{"api_key":"first-long-secret-1111"}"""), Content("""{"api_key":"{{pipeline_param.key}}"}"""));

        Describe(changes).Should().Equal("""config.api_key Changed "••••1111" "{{pipeline_param.key}}";""");
    }

    [Fact]
    public void DeliveryMode_IsCompared()
    {
        var changes = RevisionDiff.Between(Acme, Content("{}", DeliveryMode.ServerSide), Content("{}", DeliveryMode.ClientSide));

        Describe(changes).Should().Equal("""delivery_mode Changed "server_side" "client_side";""");
    }

    [Fact]
    public void AgainstNothing_EveryLeafAndTheDeliveryModeAreAdded()
    {
        var changes = RevisionDiff.Between(Acme, null, Content("""{"api_key":"first-long-secret-1111","options":{"x":1}}"""));

        Describe(changes).Should().Equal(
            """config.api_key Added - "••••1111";""",
            """config.options.x Added - 1;""",
            """delivery_mode Added - "server_side";""");
    }

    [Fact]
    public void IdenticalRevisions_HaveNoChanges()
    {
        RevisionDiff.Between(Acme, Content("""{"options":{"x":[1,2]}}"""), Content("""{"options":{"x":[1,2]}}""")).Should().BeEmpty();
    }
}
