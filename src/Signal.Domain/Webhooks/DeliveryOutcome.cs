namespace Signal.Domain.Webhooks;

/// <summary>Where a delivery stands: waiting for (another) attempt, accepted by the receiver, or given up on.</summary>
public enum DeliveryOutcome
{
    Pending,
    Delivered,
    Failed,
}
