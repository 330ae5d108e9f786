using Microsoft.AspNetCore.Hosting;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Webhooks;

/// <summary>
/// The API on a hand-moved clock, allowed to call the test's receiver on 127.0.0.1 over http, retrying after 5 s and
/// then 1 min (three attempts in all), and disabling a subscription after 3 failed events in a row.
/// </summary>
public sealed class WebhookApiFactory : FakeClockApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Webhooks:AllowPrivateNetworks", "true");
        builder.UseSetting("Webhooks:AllowHttp", "true");
        builder.UseSetting("Webhooks:RetryDelays:0", "00:00:05");
        builder.UseSetting("Webhooks:RetryDelays:1", "00:01:00");
        builder.UseSetting("Webhooks:DisableAfterFailures", "3");
        builder.UseSetting("Webhooks:Timeout", "00:00:02");
    }
}
