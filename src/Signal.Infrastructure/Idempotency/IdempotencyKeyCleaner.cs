using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Signal.Application.Common.Idempotency;

namespace Signal.Infrastructure.Idempotency;

/// <summary>
/// Deletes idempotency keys older than their retention, every <see cref="IdempotencySettings.CleanupInterval"/>, in
/// batches so no statement holds many row locks. Safe on several instances at once (a row is deleted once).
/// </summary>
public sealed partial class IdempotencyKeyCleaner(
    NpgsqlDataSource dataSource,
    IdempotencySettings settings,
    TimeProvider time,
    ILogger<IdempotencyKeyCleaner> logger) : BackgroundService
{
    private const int BatchSize = 5000;

    private const string DeleteBatchSql = """
        DELETE FROM idempotency_keys
        WHERE ctid = ANY (ARRAY(SELECT ctid FROM idempotency_keys WHERE created_at <= $1 LIMIT $2))
        """;

    /// <summary>Deletes every expired key; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - settings.Retention;
        var total = 0;
        int deleted;
        do
        {
            await using var command = dataSource.CreateCommand(DeleteBatchSql);
            command.Parameters.Add(new NpgsqlParameter { Value = cutoff });
            command.Parameters.Add(new NpgsqlParameter { Value = BatchSize });
            deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
        }
        while (deleted == BatchSize);

        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var deleted = await DeleteExpiredAsync(stoppingToken);
                LogDeleted(deleted);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogCleanupFailed(e);
            }

            await Task.Delay(settings.CleanupInterval, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deleted {Count} expired idempotency keys")]
    private partial void LogDeleted(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting expired idempotency keys failed; retrying after the cleanup interval")]
    private partial void LogCleanupFailed(Exception exception);
}
