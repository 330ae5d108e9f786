using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.PipelineIntegrations.RemoveAssignment;

public sealed class RemoveAssignmentHandler(IPipelineIntegrationRepository assignments, ICurrentUser user, IEntityTags entityTags, TimeProvider time)
    : ICommandHandler<RemoveAssignmentCommand, RemoveAssignmentResponse>
{
    public async ValueTask<RemoveAssignmentResponse> Handle(RemoveAssignmentCommand command, CancellationToken cancellationToken)
    {
        var (assignment, current, _) = await assignments.FindForUpdateAsync(user.OrgId, command.PipelineId, command.Id, wanted: null, cancellationToken)
            ?? throw new NotFoundException("Pipeline integration", command.Id);
        entityTags.EnsureMatches(command.IfMatch, current, "pipeline integration");

        assignment.Delete(time.GetUtcNow());
        await assignments.SaveAsync(assignment, cancellationToken);
        return new RemoveAssignmentResponse("deleted");
    }
}
