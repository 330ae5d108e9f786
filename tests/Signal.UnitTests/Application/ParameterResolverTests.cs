using System.Text.Json.Nodes;
using Signal.Application.Common.Parameters;

namespace Signal.UnitTests.Application;

public sealed class ParameterResolverTests
{
    private static readonly Dictionary<string, string> Parameters = new()
    {
        ["ga4_measurement_id"] = "G-AAAA",
        ["ga4_api_secret"] = "s3cr3t",
        ["host"] = "eu.example.com",
        ["braces"] = "{{pipeline_param.host}} and }} {{",
        ["id"] = "short",
        ["id_long"] = "long",
    };

    [Fact]
    public void WholeValues_AreSubstituted_AndOtherValuesKept()
    {
        var result = Resolve("""{"measurement_id":"{{pipeline_param.ga4_measurement_id}}","api_secret":"{{pipeline_param.ga4_api_secret}}","debug_mode":false,"batch":5}""");

        result.Config.ToJsonString().Should().Be("""{"measurement_id":"G-AAAA","api_secret":"s3cr3t","debug_mode":false,"batch":5}""");
        result.Unresolved.Should().BeEmpty();
    }

    [Fact]
    public void SeveralReferencesInOneString_AreAllSubstituted() =>
        Resolve("""{"url":"https://{{pipeline_param.host}}/collect?id={{pipeline_param.ga4_measurement_id}}&again={{pipeline_param.host}}"}""")
            .Config["url"]!.GetValue<string>().Should().Be("https://eu.example.com/collect?id=G-AAAA&again=eu.example.com");

    [Fact]
    public void NestedObjectsAndArrays_AreResolved()
    {
        var result = Resolve("""{"a":{"b":[{"c":"{{pipeline_param.id}}"},"{{pipeline_param.id_long}}",3,null]}}""");

        result.Config.ToJsonString().Should().Be("""{"a":{"b":[{"c":"short"},"long",3,null]}}""");
    }

    [Fact]
    public void KeysThatLookAlike_AreNotConfused() =>
        Resolve("""{"x":"{{pipeline_param.id}}-{{pipeline_param.id_long}}-{{pipeline_param.id_longer}}"}""")
            .Config["x"]!.GetValue<string>().Should().Be("short-long-{{pipeline_param.id_longer}}");

    [Fact]
    public void MissingKeys_StayIntactAndAreReportedOnceInOrder()
    {
        var result = Resolve("""{"a":"{{pipeline_param.zeta}}","b":["{{pipeline_param.alpha}}","{{pipeline_param.zeta}}"],"c":"{{pipeline_param.host}}"}""");

        result.Config["a"]!.GetValue<string>().Should().Be("{{pipeline_param.zeta}}");
        result.Config["c"]!.GetValue<string>().Should().Be("eu.example.com");
        result.Unresolved.Should().Equal("alpha", "zeta");
    }

    [Fact]
    public void ValuesContainingBraces_AreInsertedLiterally_AndNotResolvedAgain() =>
        Resolve("""{"x":"[{{pipeline_param.braces}}]"}""").Config["x"]!.GetValue<string>()
            .Should().Be("[{{pipeline_param.host}} and }} {{]");

    [Theory]
    [InlineData("{{pipeline_param.}}")]
    [InlineData("{{pipeline_param.1x}}")]
    [InlineData("{{ pipeline_param.host }}")]
    [InlineData("{pipeline_param.host}")]
    public void TextThatIsNotAReference_IsLeftAlone(string text) =>
        Resolve($$"""{"x":"{{text}}"}""").Config["x"]!.GetValue<string>().Should().Be(text);

    [Fact]
    public void TheInput_IsNotChanged()
    {
        var input = JsonNode.Parse("""{"a":{"b":"{{pipeline_param.host}}"}}""")!.AsObject();

        ParameterResolver.Resolve(input, Parameters);

        input["a"]!["b"]!.GetValue<string>().Should().Be("{{pipeline_param.host}}");
    }

    [Fact]
    public void ObjectKeys_AreNotResolved() =>
        Resolve("""{"{{pipeline_param.host}}":"v"}""").Config.ToJsonString().Should().Be("""{"{{pipeline_param.host}}":"v"}""");

    private static ResolvedParameters Resolve(string json) => ParameterResolver.Resolve(JsonNode.Parse(json)!.AsObject(), Parameters);
}
