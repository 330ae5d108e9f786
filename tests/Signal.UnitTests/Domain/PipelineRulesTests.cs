using Signal.Domain.Pipelines;

namespace Signal.UnitTests.Domain;

public sealed class PipelineRulesTests
{
    [Theory]
    [InlineData("Marketing Website", "marketing-website")]
    [InlineData("  Shop — Main Site! ", "shop-main-site")]
    [InlineData("ÄÖÜ", "pipeline")]
    [InlineData("a__b..c", "a-b-c")]
    public void SlugFrom_LowercasesAndJoinsWithHyphens(string name, string slug) =>
        PipelineRules.SlugFrom(name).Should().Be(slug);

    [Fact]
    public void SlugFrom_LeavesRoomForASuffix() =>
        PipelineRules.SlugFrom(new string('a', 300)).Length.Should().BeLessThanOrEqualTo(PipelineRules.MaxSlugLength - 8);

    [Theory]
    [InlineData("example.com", true)]
    [InlineData("*.example.com", true)]
    [InlineData("localhost", true)]
    [InlineData("xn--bcher-kva.example", true)]
    [InlineData("Example.com", false)]
    [InlineData("*.*.example.com", false)]
    [InlineData("-bad.example.com", false)]
    [InlineData("exa_mple.com", false)]
    [InlineData("https://example.com", false)]
    [InlineData("example.com/path", false)]
    [InlineData("", false)]
    public void IsHostPattern(string value, bool valid) => PipelineRules.IsHostPattern(value).Should().Be(valid);

    [Theory]
    [InlineData("_df", true)]
    [InlineData("$signal", true)]
    [InlineData("dataLayer2", true)]
    [InlineData("2fast", false)]
    [InlineData("class", false)]
    [InlineData("window", false)]
    [InlineData("my-var", false)]
    public void IsGlobalVariable(string value, bool valid) => PipelineRules.IsGlobalVariable(value).Should().Be(valid);

    [Theory]
    [InlineData("d.js", true)]
    [InlineData("signal.min.js", true)]
    [InlineData(".hidden.js", false)]
    [InlineData("dir/d.js", false)]
    [InlineData("d.mjs", false)]
    [InlineData("d.js.txt", false)]
    public void IsScriptFilename(string value, bool valid) => PipelineRules.IsScriptFilename(value).Should().Be(valid);
}
