using Signal.Domain.Delivery;

namespace Signal.Application.Delivery;

/// <summary>
/// A pipeline integration's deliveries over the last <paramref name="WindowMinutes"/>, as the processors reported them.
/// <paramref name="FailureRate"/> is failed of delivered + failed, null without events.
/// </summary>
public sealed record DeliverySummary(
    int WindowMinutes,
    long Delivered,
    long Failed,
    double? FailureRate,
    DeliveryError? LastError,
    DateTimeOffset? LastDeliveredAt,
    DateTimeOffset? LastReportedAt)
{
    /// <summary>A pipeline integration nothing was reported for.</summary>
    public static DeliverySummary None(int windowMinutes) => new(windowMinutes, 0, 0, null, null, null, null);
}

/// <summary>The last error a processor reported: the vendor's or the processor's code, its message (up to 500 characters), when.</summary>
public sealed record DeliveryError(string Code, string Message, DateTimeOffset At);

/// <summary>A status and the numbers it was decided from.</summary>
public sealed record ObservedDelivery(DeliveryStatus Status, DeliverySummary Delivery)
{
    public static ObservedDelivery None(int windowMinutes) => new(DeliveryStatus.Unknown, DeliverySummary.None(windowMinutes));
}
