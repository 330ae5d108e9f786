using Microsoft.Extensions.Configuration;
using Signal.Application.Delivery;

namespace Signal.Infrastructure.Delivery;

/// <summary>The <c>Delivery</c> configuration section; a setting that cannot work stops start-up with its name.</summary>
public static class DeliveryConfiguration
{
    public static DeliverySettings Read(IConfiguration configuration)
    {
        var defaults = DeliverySettings.Default;
        var section = configuration.GetSection("Delivery");
        var settings = new DeliverySettings(
            section.GetValue("WindowMinutes", defaults.WindowMinutes),
            section.GetValue("MinEvents", defaults.MinEvents),
            section.GetValue("FailingRate", defaults.FailingRate),
            section.GetValue("DegradedRate", defaults.DegradedRate),
            section.GetValue("StaleAfter", defaults.StaleAfter),
            section.GetValue("Retention", defaults.Retention),
            section.GetValue("MaintenanceInterval", defaults.MaintenanceInterval));
        Require(settings.WindowMinutes is >= 1 and <= 1440, "Delivery:WindowMinutes must be between 1 and 1440.");
        Require(settings.MinEvents >= 1, "Delivery:MinEvents must be 1 or more.");
        Require(settings.DegradedRate is > 0 and <= 1 && settings.FailingRate is > 0 and <= 1 && settings.DegradedRate <= settings.FailingRate,
            "Delivery:DegradedRate and Delivery:FailingRate must be rates above 0 and at most 1, DegradedRate not above FailingRate.");
        Require(settings.StaleAfter > TimeSpan.Zero && settings.MaintenanceInterval > TimeSpan.Zero,
            "Delivery:StaleAfter and Delivery:MaintenanceInterval must be positive.");
        Require(settings.Retention >= settings.Window, "Delivery:Retention must be at least the window.");
        return settings;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
