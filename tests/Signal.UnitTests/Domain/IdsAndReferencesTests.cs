using Signal.Domain.Common;
using Signal.Domain.Parameters;

namespace Signal.UnitTests.Domain;

public sealed class IdsAndReferencesTests
{
    [Fact]
    public void Ids_ArePrefixedLowercaseAndSortByTime()
    {
        var earlier = Ids.New("pip", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var later = Ids.New("pip", new DateTimeOffset(2026, 1, 1, 0, 0, 0, 1, TimeSpan.Zero));

        earlier.Should().MatchRegex("^pip_[0-9a-z]{26}$");
        string.CompareOrdinal(earlier, later).Should().BeNegative();
    }

    [Fact]
    public void Ids_AreUnique() =>
        Enumerable.Range(0, 10_000).Select(_ => Ids.New("rev", DateTimeOffset.UnixEpoch)).Should().OnlyHaveUniqueItems();

    [Theory]
    [InlineData("{{pipeline_param.ga4_measurement_id}}", true)]
    [InlineData("{{pipeline_param._x1}}", true)]
    [InlineData("{{pipeline_param.1x}}", false)]
    [InlineData("{{ pipeline_param.x }}", false)]
    [InlineData("a{{pipeline_param.x}}", false)]
    [InlineData("{{pipeline_param.x}}{{pipeline_param.y}}", false)]
    public void IsExactly_RecognisesOneWholeReference(string value, bool expected) =>
        ParameterReference.IsExactly(value).Should().Be(expected);
}
