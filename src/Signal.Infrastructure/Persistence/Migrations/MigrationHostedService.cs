using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Signal.Application.Common.Abstractions;

namespace Signal.Infrastructure.Persistence.Migrations;

/// <summary>
/// Brings the schema up to date in the background, so the API starts (and answers liveness) even while the database
/// is down; readiness stays 503 until this has succeeded. Retries with a capped back-off.
/// </summary>
public sealed partial class MigrationHostedService(
    DatabaseMigrator migrator,
    DatabaseSettings settings,
    MigrationState state,
    IDatabaseHealth databaseHealth,
    ILogger<MigrationHostedService> logger) : BackgroundService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (settings.MigrateOnStartup)
                {
                    await migrator.MigrateAsync(stoppingToken);
                }
                else if (!migrator.IsUpToDate())
                {
                    throw new InvalidOperationException(
                        "The database schema is behind this build and Database:MigrateOnStartup is false.");
                }

                state.MarkCurrent();
                LogSchemaCurrent();
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && IsWorthRetrying(e))
            {
                LogNotReady(e.Message, delay.TotalSeconds);
            }

            await Task.Delay(delay, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
        }
    }

    // An unreachable database is waited for; so is a schema that another deployment step has yet to migrate.
    private bool IsWorthRetrying(Exception e) =>
        databaseHealth.IsUnavailable(e) || (!settings.MigrateOnStartup && e is InvalidOperationException);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date")]
    private partial void LogSchemaCurrent();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database not ready ({Reason}); retrying in {DelaySeconds:0.##} s")]
    private partial void LogNotReady(string reason, double delaySeconds);
}
