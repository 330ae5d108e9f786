using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.PipelineIntegrations.UpdateAssignment;

/// <remarks>
/// Two round trips: the locked read brings the current representation and the wanted revision along, and the
/// response is the current one with the change applied, so nothing is read back after the update.
/// </remarks>
public sealed class UpdateAssignmentHandler(
    IPipelineIntegrationRepository assignments,
    ICurrentUser user,
    IEntityTags entityTags,
    TimeProvider time) : ICommandHandler<UpdateAssignmentCommand, PipelineIntegrationResponse>
{
    public async ValueTask<PipelineIntegrationResponse> Handle(UpdateAssignmentCommand command, CancellationToken cancellationToken)
    {
        var pinning = command.RevisionId is not null || command.RevisionNumber is not null;
        var (assignment, current, wanted) = await assignments.FindForUpdateAsync(user.OrgId, command.PipelineId, command.Id,
            pinning ? new WantedRevision(command.RevisionId, command.RevisionNumber) : null, cancellationToken)
            ?? throw new NotFoundException("Pipeline integration", command.Id);
        entityTags.EnsureMatches(command.IfMatch, current, "pipeline integration");

        var now = time.GetUtcNow();
        var response = current;
        if (pinning)
        {
            var revision = RevisionChoice.Require(wanted, assignment.IntegrationId, command.RevisionId, command.RevisionNumber);
            assignment.Pin(revision, now);
            response = response.PinnedAt(revision);
        }

        if (command.Enabled is { } enabled)
        {
            assignment.SetEnabled(enabled, now);
        }

        await assignments.SaveAsync(assignment, cancellationToken);
        return response with { Enabled = assignment.Enabled, UpdatedAt = assignment.UpdatedAt };
    }
}
