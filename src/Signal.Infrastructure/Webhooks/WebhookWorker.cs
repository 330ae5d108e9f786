using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Signal.Application.Webhooks;
using Signal.Application.Webhooks.DeliverWebhooks;
using Signal.Infrastructure.Hosting;
using Signal.Infrastructure.Persistence.Migrations;

namespace Signal.Infrastructure.Webhooks;

/// <summary>
/// Every <see cref="WebhookSettings.PollInterval"/>: claims due deliveries in batches (each claim a short transaction
/// of its own, <c>SKIP LOCKED</c>, so any number of instances may run it), sends a batch at once, and records each
/// attempt in a transaction of its own — until nothing is due. Nothing is held open while a receiver answers.
/// </summary>
public sealed partial class WebhookWorker(
    IServiceScopeFactory scopes,
    IWebhookSender sender,
    WebhookSettings settings,
    MigrationState schema,
    TimeProvider time,
    ILogger<WebhookWorker> logger) : PeriodicWorker(schema, time, logger)
{
    private const int BatchSize = 20;

    /// <summary>One pass: every delivery that is due gets an attempt; returns how many attempts were made.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var attempts = 0;
        while (true)
        {
            var batch = await SendAsync(new ClaimWebhookDeliveriesCommand(BatchSize), cancellationToken);
            if (batch.Count == 0)
            {
                return attempts;
            }

            await Task.WhenAll(batch.Select(message => AttemptAsync(message, cancellationToken)));
            attempts += batch.Count;
        }
    }

    protected override TimeSpan Interval => settings.PollInterval;

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        var attempts = await RunOnceAsync(cancellationToken);
        LogPass(attempts);
    }

    private async Task AttemptAsync(WebhookMessage message, CancellationToken cancellationToken)
    {
        var result = await sender.SendAsync(message, cancellationToken);
        await SendAsync(new RecordWebhookAttemptCommand(message, result), cancellationToken);
    }

    private async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook worker made {Attempts} delivery attempts")]
    private partial void LogPass(int attempts);
}
