using System.Text.Json.Nodes;
using Signal.Domain.Catalog;
using static Signal.UnitTests.Domain.CatalogFixtures;

namespace Signal.UnitTests.Domain;

public sealed class ConfigFieldTests
{
    public static TheoryData<ConfigFieldType, string, string?> Cases() => new()
    {
        { ConfigFieldType.String, "\"x\"", null },
        { ConfigFieldType.String, "1", "must be a string" },
        { ConfigFieldType.Secret, "\"s\"", null },
        { ConfigFieldType.Secret, "{}", "must be a string" },
        { ConfigFieldType.Number, "1.5", null },
        { ConfigFieldType.Number, "\"1\"", "must be a number" },
        { ConfigFieldType.Boolean, "false", null },
        { ConfigFieldType.Boolean, "\"true\"", "must be true or false" },
        { ConfigFieldType.Select, "\"b\"", null },
        { ConfigFieldType.Select, "\"B\"", "must be one of: a, b" },
        { ConfigFieldType.String, "null", "must be a string" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void DescribeTypeMismatch_ChecksTheJsonType(ConfigFieldType type, string json, string? expected)
    {
        var field = Field("f", type, type == ConfigFieldType.Select ? ["a", "b"] : null);

        field.DescribeTypeMismatch(JsonNode.Parse(json)).Should().Be(expected);
    }
}
