using Microsoft.Extensions.Configuration;
using Signal.Application.Webhooks;

namespace Signal.Infrastructure.Webhooks;

/// <summary>Reads the <c>Webhooks</c> section; start-up fails naming a setting that cannot work.</summary>
public static class WebhookConfiguration
{
    public static WebhookSettings Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Webhooks");
        var delays = section.GetSection("RetryDelays").Get<TimeSpan[]>() ?? [.. WebhookSettings.DefaultRetryDelays];
        var settings = new WebhookSettings(
            delays,
            section.GetValue("PollInterval", TimeSpan.FromSeconds(2)),
            section.GetValue("DisableAfterFailures", 50),
            section.GetValue("Timeout", TimeSpan.FromSeconds(10)),
            section.GetValue("Retention", TimeSpan.FromDays(30)),
            section.GetValue("AllowPrivateNetworks", false),
            section.GetValue("AllowHttp", false));
        Require(settings.RetryDelays.All(d => d >= TimeSpan.Zero), "Webhooks:RetryDelays", "must not be negative");
        Require(settings.PollInterval > TimeSpan.Zero, "Webhooks:PollInterval", "must be positive");
        Require(settings.DisableAfterFailures >= 1, "Webhooks:DisableAfterFailures", "must be 1 or more");
        Require(settings.Timeout > TimeSpan.Zero, "Webhooks:Timeout", "must be positive");
        Require(settings.Retention > TimeSpan.Zero, "Webhooks:Retention", "must be positive");
        return settings;
    }

    private static void Require(bool condition, string setting, string rule)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"{setting} {rule}.");
        }
    }
}
