using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Signal.Application.Rollouts;
using Signal.Application.Rollouts.AdvanceRollouts;
using Signal.Infrastructure.Hosting;
using Signal.Infrastructure.Persistence.Migrations;

namespace Signal.Infrastructure.Rollouts;

/// <summary>
/// Every <see cref="RolloutSettings.PollInterval"/>, looks at each running rollout once, in id order, each in a
/// transaction of its own (<see cref="AdvanceNextRolloutCommand"/>). Any number of API instances may run it: a rollout
/// another instance holds is skipped, and a step that did not commit is taken again on a later pass.
/// </summary>
public sealed partial class RolloutWorker(
    IServiceScopeFactory scopes,
    RolloutSettings settings,
    MigrationState schema,
    TimeProvider time,
    ILogger<RolloutWorker> logger) : PeriodicWorker(schema, time, logger)
{
    /// <summary>One pass over the running rollouts; returns how many it looked at.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var after = string.Empty;
        var seen = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var taken = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new AdvanceNextRolloutCommand(after), cancellationToken);
            if (taken is null)
            {
                return seen;
            }

            after = taken;
            seen++;
        }
    }

    protected override TimeSpan Interval => settings.PollInterval;

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        var seen = await RunOnceAsync(cancellationToken);
        LogPass(seen);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rollout worker looked at {Count} running rollouts")]
    private partial void LogPass(int count);
}
