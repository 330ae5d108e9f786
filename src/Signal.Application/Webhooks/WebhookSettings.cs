namespace Signal.Application.Webhooks;

/// <summary>
/// How webhooks are delivered (section <c>Webhooks</c>): the pause after each failed attempt (then the delivery has
/// <c>failed</c>), how often the worker looks, after how many failed events in a row a subscription is disabled, the
/// timeout of one attempt, how long deliveries are kept, and — for local development and tests only — whether private
/// addresses and plain http may be called.
/// </summary>
public sealed record WebhookSettings(
    IReadOnlyList<TimeSpan> RetryDelays,
    TimeSpan PollInterval,
    int DisableAfterFailures,
    TimeSpan Timeout,
    TimeSpan Retention,
    bool AllowPrivateNetworks,
    bool AllowHttp)
{
    public static IReadOnlyList<TimeSpan> DefaultRetryDelays { get; } =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    /// <summary>
    /// When to try again after failed attempt number <paramref name="attempt"/> (1-based): its delay plus up to 20 %
    /// jitter, so that receivers coming back are not hit by every delivery at once; null when it was the last.
    /// </summary>
    public TimeSpan? RetryAfter(int attempt, double random) =>
        attempt <= RetryDelays.Count ? RetryDelays[attempt - 1] * (1 + (0.2 * random)) : null;
}
