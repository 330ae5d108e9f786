using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Signal.Application.Pipelines.BuildCollector;
using Signal.Application.Pipelines.Collector;
using Signal.Infrastructure.Persistence.Migrations;

namespace Signal.Infrastructure.Pipelines;

/// <summary>
/// Builds queued collectors, one job per transaction. Several API instances can run it at once: each job is claimed
/// with <c>FOR UPDATE SKIP LOCKED</c>. Starts once the schema is up to date; sleeps for <see cref="CollectorSettings.PollInterval"/> when the queue is empty.
/// </summary>
public sealed partial class CollectorBuildWorker(
    IServiceScopeFactory scopes,
    MigrationState schema,
    CollectorSettings settings,
    ILogger<CollectorBuildWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await schema.WaitUntilCurrentAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            bool built;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                built = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new BuildNextCollectorCommand(), stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogBuildFailed(e);
                built = false;
            }

            if (!built)
            {
                await Task.Delay(settings.PollInterval, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Collector build round failed; retrying after the poll interval")]
    private partial void LogBuildFailed(Exception exception);
}
