namespace Signal.Application.Delivery;

/// <summary>
/// How delivery reports become a status (configuration section <c>Delivery</c>, docs/delivery-health.md). Over the last
/// <see cref="WindowMinutes"/>: <c>unknown</c> when nothing was reported for <see cref="StaleAfter"/> or fewer than
/// <see cref="MinEvents"/> events were; else <c>failing</c> from <see cref="FailingRate"/> failed of all, <c>degraded</c>
/// from <see cref="DegradedRate"/>, <c>healthy</c> below.
/// </summary>
public sealed record DeliverySettings(
    int WindowMinutes,
    int MinEvents,
    double FailingRate,
    double DegradedRate,
    TimeSpan StaleAfter,
    TimeSpan Retention,
    TimeSpan MaintenanceInterval)
{
    public static DeliverySettings Default { get; } = new(60, 20, 0.5, 0.05, TimeSpan.FromMinutes(15), TimeSpan.FromDays(7), TimeSpan.FromMinutes(1));

    public TimeSpan Window => TimeSpan.FromMinutes(WindowMinutes);
}
