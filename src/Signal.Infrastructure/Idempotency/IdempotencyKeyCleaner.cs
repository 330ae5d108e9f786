using Microsoft.Extensions.Logging;
using Npgsql;
using Signal.Application.Common.Idempotency;
using Signal.Infrastructure.Hosting;
using Signal.Infrastructure.Persistence.Migrations;

namespace Signal.Infrastructure.Idempotency;

/// <summary>
/// Deletes idempotency keys older than their retention, every <see cref="IdempotencySettings.CleanupInterval"/>
/// (<see cref="BatchedDeletion"/>).
/// </summary>
public sealed partial class IdempotencyKeyCleaner(
    NpgsqlDataSource dataSource,
    IdempotencySettings settings,
    MigrationState schema,
    TimeProvider time,
    ILogger<IdempotencyKeyCleaner> logger) : PeriodicWorker(schema, time, logger)
{
    private const int BatchSize = 5000;

    /// <summary>Deletes every expired key; returns how many.</summary>
    public Task<int> DeleteExpiredAsync(CancellationToken cancellationToken) =>
        BatchedDeletion.DeleteAsync(dataSource, "idempotency_keys", "created_at", Time.GetUtcNow() - settings.Retention, BatchSize, cancellationToken);

    protected override TimeSpan Interval => settings.CleanupInterval;

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        var deleted = await DeleteExpiredAsync(cancellationToken);
        LogDeleted(deleted);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deleted {Count} expired idempotency keys")]
    private partial void LogDeleted(int count);
}
