using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.Rollouts.ChangeRollout;

/// <remarks>Two round trips: the locked read (with the deployed pipeline integrations, for a rollback), then the write.</remarks>
public sealed class ChangeRolloutHandler(IRolloutRepository rollouts, ICurrentUser user, TimeProvider time)
    : ICommandHandler<ChangeRolloutCommand, RolloutResponse>
{
    public async ValueTask<RolloutResponse> Handle(ChangeRolloutCommand command, CancellationToken cancellationToken)
    {
        var rollingBack = command.Change == RolloutChange.RollBack;
        var (rollout, deliveries, deployed) = await rollouts.FindForChangeAsync(user.OrgId, command.Id, lockDeployed: rollingBack, cancellationToken)
            ?? throw new NotFoundException("Rollout", command.Id);
        var now = time.GetUtcNow();
        switch (command.Change)
        {
            case RolloutChange.Pause:
                rollout.Pause(now);
                break;
            case RolloutChange.Resume:
                rollout.Resume(now);
                break;
            case RolloutChange.Abort:
                rollout.Abort($"Aborted by {user.UserId}.", now);
                break;
            case RolloutChange.RollBack:
                rollout.RollBack($"Rolled back by {user.UserId}.", deployed, now);
                break;
        }

        await rollouts.SaveAsync(rollout, [.. deployed.Values], cancellationToken);
        return RolloutResponse.Of(rollout, deliveries);
    }
}
