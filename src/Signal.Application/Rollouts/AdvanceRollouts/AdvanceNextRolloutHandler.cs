using Mediator;
using Microsoft.Extensions.Logging;
using Signal.Domain.Rollouts;

namespace Signal.Application.Rollouts.AdvanceRollouts;

/// <remarks>
/// One rollout per transaction, held by its row lock from the claim to the commit: another worker skips it, and when it
/// looks again it sees the step already taken, so each wave deploys once. A worker that stops mid-step rolls the whole
/// step back; the next pass takes it again.
/// </remarks>
public sealed partial class AdvanceNextRolloutHandler(
    IRolloutRepository rollouts, TimeProvider time, ILogger<AdvanceNextRolloutHandler> logger)
    : ICommandHandler<AdvanceNextRolloutCommand, string?>
{
    public async ValueTask<string?> Handle(AdvanceNextRolloutCommand command, CancellationToken cancellationToken)
    {
        if (await rollouts.ClaimNextRunningAsync(command.After, cancellationToken) is not { } claimed)
        {
            return null;
        }

        var (rollout, deliveries, _) = await rollouts.FindForChangeAsync(claimed.OrgId, claimed.Id, lockDeployed: false, cancellationToken)
            ?? throw new InvalidOperationException($"Rollout '{claimed.Id}' was claimed but could not be loaded.");
        var now = time.GetUtcNow();
        var decision = rollout.Decide(deliveries, now);
        if (decision.Step == RolloutStep.Wait)
        {
            return claimed.Id;
        }

        var live = await rollouts.LockPipelineIntegrationsAsync(claimed.OrgId, rollout.PipelineIntegrationsFor(decision.Step), cancellationToken);
        if (decision.Step == RolloutStep.RollBack)
        {
            rollout.RollBack(decision.Reason!, live, now);
            LogRolledBack(rollout.Id, decision.Reason!);
        }
        else
        {
            rollout.Advance(live, now);
            LogAdvanced(rollout.Id, rollout.CurrentWave, rollout.Status);
        }

        await rollouts.SaveAsync(rollout, [.. live.Values], cancellationToken);
        return claimed.Id;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rollout {RolloutId} rolled back: {Reason}")]
    private partial void LogRolledBack(string rolloutId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rollout {RolloutId} advanced: wave {Wave}, {Status}")]
    private partial void LogAdvanced(string rolloutId, int wave, RolloutStatus status);
}
