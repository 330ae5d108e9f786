using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Signal.Infrastructure.Persistence.Migrations;

namespace Signal.Infrastructure.Hosting;

/// <summary>
/// A background job that waits for the schema to be up to date, then runs a pass and sleeps <see cref="Interval"/> on
/// the injected clock, until the host stops. A failed pass is logged and retried after the interval: a database that
/// is briefly away must not end the job.
/// </summary>
public abstract partial class PeriodicWorker(MigrationState schema, TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>The clock the job runs on (a test's fake one moves it by hand).</summary>
    protected TimeProvider Time { get; } = time;

    /// <summary>The pause between two passes.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>One pass of the job.</summary>
    protected abstract Task RunPassAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await schema.WaitUntilCurrentAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunPassAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(GetType().Name, Interval, e);
            }

            await Task.Delay(Interval, Time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Worker} pass failed; retrying in {Interval}")]
    private partial void LogPassFailed(string worker, TimeSpan interval, Exception exception);
}
