namespace Signal.Domain.Delivery;

/// <summary>
/// What the event processors observed of a pipeline integration's deliveries over the window — its <em>status</em>,
/// apart from its <em>state</em> (enabled, pinned revision), which is what an operator set. Worst first.
/// </summary>
public enum DeliveryStatus
{
    Failing,
    Degraded,
    Unknown,
    Healthy,
}
