using Microsoft.Extensions.Configuration;
using Npgsql;
using Signal.Infrastructure.Persistence;

namespace Signal.UnitTests.Infrastructure;

public sealed class DatabaseSettingsTests
{
    [Fact]
    public void Defaults_AreAppliedWhenTheConnectionStringLeavesThemOut()
    {
        var settings = new NpgsqlConnectionStringBuilder(From("Host=db;Database=signal;Username=u;Password=p").ConnectionString);

        settings.MaxPoolSize.Should().Be(16);
        settings.MaxAutoPrepare.Should().Be(64, "the hot statements are prepared (docs/performance.md)");
        settings.Options.Should().Be("-c plan_cache_mode=force_custom_plan", "a generic plan cannot see how rare a search term is");
        settings.NoResetOnClose.Should().BeTrue();
        settings.Timeout.Should().Be(5);
        settings.Enlist.Should().BeFalse();
        settings.ApplicationName.Should().Be("signal-api");
    }

    [Fact]
    public void WhatTheOperatorSet_IsKept_UnderAnySpelling()
    {
        var settings = new NpgsqlConnectionStringBuilder(
            From("Host=db;Maximum Pool Size=50;maxautoprepare=20;No Reset On Close=false;Timeout=15").ConnectionString);

        settings.MaxPoolSize.Should().Be(50);
        settings.MaxAutoPrepare.Should().Be(20);
        settings.NoResetOnClose.Should().BeFalse();
        settings.Timeout.Should().Be(15);
    }

    [Fact]
    public void MissingConnectionString_SaysHowToProvideOne()
    {
        var load = () => DatabaseSettings.From(new ConfigurationBuilder().Build());

        load.Should().Throw<InvalidOperationException>().WithMessage("*ConnectionStrings__Signal*");
    }

    private static DatabaseSettings From(string connectionString) => DatabaseSettings.From(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Signal"] = connectionString }).Build());
}
