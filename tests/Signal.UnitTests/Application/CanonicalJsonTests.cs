using System.Text.Json.Nodes;
using Signal.Application.Audit;

namespace Signal.UnitTests.Application;

/// <summary>RFC 8785 (JSON Canonicalization Scheme), the form an audit event's hash covers; cases from the RFC's appendix.</summary>
public sealed class CanonicalJsonTests
{
    [Theory]
    [InlineData(0d, "0")]
    [InlineData(1d, "1")]
    [InlineData(100d, "100")]
    [InlineData(1.5, "1.5")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(333333333.33333329, "333333333.3333333")]
    [InlineData(9007199254740992d, "9007199254740992")]
    [InlineData(4.50, "4.5")]
    [InlineData(2e-3, "0.002")]
    [InlineData(0.000000000000000000000000001, "1e-27")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(5e-324, "5e-324")]
    public void Numbers_PrintAsECMAScriptDoes(double value, string expected) => CanonicalJson.Number(value).Should().Be(expected);

    [Fact]
    public void Objects_SortTheirMembersByUtf16CodeUnits_WithoutWhitespace_AndStringsEscapeOnlyWhatJsonRequires()
    {
        var node = JsonNode.Parse("""
            { "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false] }
            """);

        CanonicalJson.Of(node).Should().Be(
            """{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}""");
    }

    [Fact]
    public void MemberNames_SortByCodeUnits_NotByCulture()
    {
        CanonicalJson.Of(JsonNode.Parse("""{"b":1,"a":2,"B":3,"é":4,"aa":5}""")).Should().Be("""{"B":3,"a":2,"aa":5,"b":1,"é":4}""");
    }

    [Theory]
    [InlineData("""{"b":1,"a":2,"c":{"z":[1]}}""", "b")]
    [InlineData("""{"b":1,"c":2}""", "b")]
    [InlineData("""{"a":1,"b":2}""", "b")]
    [InlineData("""{"b":"only"}""", "b")]
    public void AroundOneMember_ThePartsAndThatMembersValue_MakeTheWhole(string json, string name)
    {
        var node = JsonNode.Parse(json)!.AsObject();

        var (before, after) = CanonicalJson.Around(node, name);

        (before + CanonicalJson.Of(node[name]) + after).Should().Be(CanonicalJson.Of(node));
    }
}
