using Signal.Application.Common.Sorting;

namespace Signal.UnitTests.Application;

public sealed class ListSortTests
{
    [Fact]
    public void EveryAcceptedSpelling_ParsesBackToItself()
    {
        ListSort.Accepted.Should().HaveCount(6);
        foreach (var text in ListSort.Accepted)
        {
            ListSort.TryParse(text, out var sort).Should().BeTrue(text);
            sort.ToString().Should().Be(text);
        }
    }

    [Fact]
    public void NoText_IsNewestFirst()
    {
        ListSort.TryParse(null, out var sort).Should().BeTrue();
        sort.Should().Be(new ListSort(SortField.CreatedAt, Descending: true));
    }

    [Theory]
    [InlineData("")]
    [InlineData("name")]
    [InlineData(":asc")]
    [InlineData("name:")]
    [InlineData("Name:asc")]
    [InlineData("name:ASC")]
    [InlineData("name:asc:desc")]
    [InlineData("vendor:asc")]
    [InlineData("created_at desc")]
    public void AnythingElse_IsRefused(string text)
    {
        ListSort.TryParse(text, out _).Should().BeFalse();
        FluentActions.Invoking(() => ListSort.Parse(text)).Should().Throw<ArgumentException>();
    }
}
