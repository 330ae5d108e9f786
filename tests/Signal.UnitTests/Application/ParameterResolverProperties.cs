using System.Text.Json.Nodes;
using CsCheck;
using Signal.Application.Common.Parameters;

namespace Signal.UnitTests.Application;

/// <summary>Parameter substitution over generated keys, values and configs (CsCheck).</summary>
public sealed class ParameterResolverProperties
{
    private static readonly Gen<string> Key =
        Gen.Select(Gen.Char["abcdefghijklmnopqrstuvwxyz_"], Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"], 0, 30],
            (first, rest) => first + rest);

    // Any text at all, including braces and text that looks like a reference itself.
    private static readonly Gen<string> Value = Gen.OneOf(Gen.String, Gen.Const("{{pipeline_param.other}}"), Gen.Const("}} {{"));

    [Fact]
    public void AWholeValueReference_BecomesExactlyTheParameter_WhateverItContains() =>
        Gen.Select(Key, Value).Sample((key, value) =>
        {
            var config = new JsonObject { ["field"] = $"{{{{pipeline_param.{key}}}}}" };
            var parameters = new Dictionary<string, string> { [key] = value, ["other"] = "must-not-appear" };

            var result = ParameterResolver.Resolve(config, parameters);

            result.Config["field"]!.GetValue<string>().Should().Be(value);
            result.Unresolved.Should().BeEmpty();
        });

    [Fact]
    public void ReferencesInsideText_AreReplacedInPlace() =>
        Gen.Select(Gen.String, Key, Value, Gen.String).Sample((before, key, value, after) =>
        {
            var text = before.Replace("{{", "", StringComparison.Ordinal) + $"{{{{pipeline_param.{key}}}}}" + after.Replace("{{", "", StringComparison.Ordinal);
            var config = new JsonObject { ["url"] = text };

            var result = ParameterResolver.Resolve(config, new Dictionary<string, string> { [key] = value });

            result.Config["url"]!.GetValue<string>().Should().Be(text.Replace($"{{{{pipeline_param.{key}}}}}", value, StringComparison.Ordinal));
        });

    [Fact]
    public void AConfigWithoutReferences_IsUnchanged_AndTheInputIsNotModified() =>
        Gen.Dictionary(Key, Gen.String.Where(s => !s.Contains("{{", StringComparison.Ordinal)))[0, 10].Sample(values =>
        {
            var config = new JsonObject(values.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)JsonValue.Create(v.Value))));
            var before = config.ToJsonString();

            var result = ParameterResolver.Resolve(config, new Dictionary<string, string> { ["x"] = "y" });

            result.Config.ToJsonString().Should().Be(before);
            config.ToJsonString().Should().Be(before, "the input is not modified");
            result.Unresolved.Should().BeEmpty();
        });

    [Fact]
    public void AMissingParameter_StaysAsWritten_AndIsListed() =>
        Key.Sample(key =>
        {
            var reference = $"{{{{pipeline_param.{key}}}}}";

            var result = ParameterResolver.Resolve(new JsonObject { ["a"] = reference }, new Dictionary<string, string>());

            result.Config["a"]!.GetValue<string>().Should().Be(reference);
            result.Unresolved.Should().Equal(key);
        });
}
