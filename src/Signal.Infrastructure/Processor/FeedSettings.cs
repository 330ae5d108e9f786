using Microsoft.Extensions.Configuration;

namespace Signal.Infrastructure.Processor;

/// <param name="RefreshInterval">How often the feed version is re-read even without notifications (<c>Feed:RefreshInterval</c>, default 10 s).</param>
/// <param name="PageSize">How many live pipelines a full or <c>since</c> feed reads per round trip (<c>Feed:PageSize</c>, default 500): what the feed holds in memory at once.</param>
public sealed record FeedSettings(TimeSpan RefreshInterval, int PageSize)
{
    public static FeedSettings From(IConfiguration configuration)
    {
        var settings = new FeedSettings(
            configuration.GetValue("Feed:RefreshInterval", TimeSpan.FromSeconds(10)), configuration.GetValue("Feed:PageSize", 500));
        return settings.PageSize >= 1 ? settings : throw new InvalidOperationException("Feed:PageSize must be at least 1.");
    }
}
