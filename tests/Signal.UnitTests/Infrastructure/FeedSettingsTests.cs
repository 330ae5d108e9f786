using Microsoft.Extensions.Configuration;
using Signal.Infrastructure.Processor;

namespace Signal.UnitTests.Infrastructure;

public sealed class FeedSettingsTests
{
    [Fact]
    public void Defaults_AreTenSecondsAndPagesOf500()
    {
        var settings = FeedSettings.From(Configuration());

        settings.RefreshInterval.Should().Be(TimeSpan.FromSeconds(10));
        settings.PageSize.Should().Be(500);
    }

    [Fact]
    public void WhatTheOperatorSet_IsKept()
    {
        var settings = FeedSettings.From(Configuration(("Feed:RefreshInterval", "00:00:30"), ("Feed:PageSize", "50")));

        settings.RefreshInterval.Should().Be(TimeSpan.FromSeconds(30));
        settings.PageSize.Should().Be(50);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void APageSizeBelowOne_IsRefusedAtStart(string pageSize)
    {
        var load = () => FeedSettings.From(Configuration(("Feed:PageSize", pageSize)));

        load.Should().Throw<InvalidOperationException>().WithMessage("Feed:PageSize must be at least 1.");
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
