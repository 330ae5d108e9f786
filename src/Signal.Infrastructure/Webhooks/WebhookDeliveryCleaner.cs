using Microsoft.Extensions.Logging;
using Npgsql;
using Signal.Application.Webhooks;
using Signal.Infrastructure.Hosting;
using Signal.Infrastructure.Persistence.Migrations;

namespace Signal.Infrastructure.Webhooks;

/// <summary>
/// Every hour, deletes deliveries (and their attempts) queued more than <see cref="WebhookSettings.Retention"/> ago
/// (<see cref="BatchedDeletion"/>).
/// </summary>
public sealed partial class WebhookDeliveryCleaner(
    NpgsqlDataSource dataSource,
    WebhookSettings settings,
    MigrationState schema,
    TimeProvider time,
    ILogger<WebhookDeliveryCleaner> logger) : PeriodicWorker(schema, time, logger)
{
    private const int BatchSize = 1000;

    /// <summary>Deletes every delivery past its retention; returns how many.</summary>
    public Task<int> DeleteExpiredAsync(CancellationToken cancellationToken) =>
        BatchedDeletion.DeleteAsync(dataSource, "webhook_deliveries", "created_at", Time.GetUtcNow() - settings.Retention, BatchSize, cancellationToken);

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        var deleted = await DeleteExpiredAsync(cancellationToken);
        LogDeleted(deleted);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deleted {Count} webhook deliveries past their retention")]
    private partial void LogDeleted(int count);
}
