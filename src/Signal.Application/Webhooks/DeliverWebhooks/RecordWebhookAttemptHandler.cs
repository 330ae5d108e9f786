using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Telemetry;
using Signal.Domain.Webhooks;

namespace Signal.Application.Webhooks.DeliverWebhooks;

/// <remarks>
/// A 2xx delivers; 410 Gone fails the delivery and disables the subscription at once; anything else is tried again
/// after the next of <see cref="WebhookSettings.RetryDelays"/> (with jitter) until they run out. When an event's
/// delivery ends, the subscription counts it (failures in a row disable it); a test event does not count.
/// </remarks>
public sealed class RecordWebhookAttemptHandler(
    IWebhookDeliveries deliveries,
    IWebhookRepository webhooks,
    WebhookSettings settings,
    IUnitOfWork unitOfWork,
    SignalMetrics metrics,
    TimeProvider time)
    : ICommandHandler<RecordWebhookAttemptCommand>
{
    public async ValueTask<Unit> Handle(RecordWebhookAttemptCommand command, CancellationToken cancellationToken)
    {
        var (message, result) = (command.Message, command.Result);
        var now = time.GetUtcNow();
        var retryAfter = result.Delivered || result.Gone ? null : settings.RetryAfter(message.Attempt, Random.Shared.NextDouble());
        var outcome = result.Delivered ? DeliveryOutcome.Delivered : retryAfter is null ? DeliveryOutcome.Failed : DeliveryOutcome.Pending;
        await deliveries.RecordAsync(
            new RecordedAttempt(message.DeliveryId, message.Attempt, now, result, outcome, now + retryAfter), cancellationToken);
        unitOfWork.AfterCommit(() => metrics.WebhookAttempted(outcome switch
        {
            DeliveryOutcome.Delivered => "delivered",
            DeliveryOutcome.Pending => "retrying",
            _ => "failed",
        }));

        if (outcome == DeliveryOutcome.Pending || !(message.CountsAsEvent || result.Gone))
        {
            return Unit.Value;
        }

        if (await webhooks.FindForUpdateAsync(message.OrgId, message.WebhookId, cancellationToken) is not { } webhook)
        {
            return Unit.Value;
        }

        if (result.Gone)
        {
            webhook.Disable("The receiver answered 410 Gone.", now);
        }
        else
        {
            webhook.CountOutcome(result.Delivered, settings.DisableAfterFailures, now);
        }

        await webhooks.SaveAsync(webhook, cancellationToken);
        return Unit.Value;
    }
}
