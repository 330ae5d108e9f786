using Microsoft.Extensions.Logging;
using Npgsql;
using Signal.Application.Common.Idempotency;
using Signal.Infrastructure.Hosting;

namespace Signal.Infrastructure.Idempotency;

/// <summary>
/// Deletes idempotency keys older than their retention, every <see cref="IdempotencySettings.CleanupInterval"/>, in
/// batches so no statement holds many row locks. Safe on several instances at once (a row is deleted once).
/// </summary>
public sealed partial class IdempotencyKeyCleaner(
    NpgsqlDataSource dataSource,
    IdempotencySettings settings,
    TimeProvider time,
    ILogger<IdempotencyKeyCleaner> logger) : PeriodicWorker(time, logger)
{
    private const int BatchSize = 5000;

    private const string DeleteBatchSql = """
        DELETE FROM idempotency_keys
        WHERE ctid = ANY (ARRAY(SELECT ctid FROM idempotency_keys WHERE created_at <= $1 LIMIT $2))
        """;

    /// <summary>Deletes every expired key; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = Time.GetUtcNow() - settings.Retention;
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

    protected override TimeSpan Interval => settings.CleanupInterval;

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        var deleted = await DeleteExpiredAsync(cancellationToken);
        LogDeleted(deleted);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deleted {Count} expired idempotency keys")]
    private partial void LogDeleted(int count);
}
