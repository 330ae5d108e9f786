using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.PipelineIntegrations.RemoveAssignment;

public sealed class RemoveAssignmentHandler(IPipelineIntegrationRepository assignments, ICurrentUser user, TimeProvider time)
    : ICommandHandler<RemoveAssignmentCommand, RemoveAssignmentResponse>
{
    public async ValueTask<RemoveAssignmentResponse> Handle(RemoveAssignmentCommand command, CancellationToken cancellationToken)
    {
        var (assignment, _, _) = await assignments.FindForUpdateAsync(user.OrgId, command.PipelineId, command.Id, wanted: null, cancellationToken)
            ?? throw new NotFoundException("Pipeline integration", command.Id);
        assignment.Delete(time.GetUtcNow());
        await assignments.SaveAsync(assignment, cancellationToken);
        return new RemoveAssignmentResponse("deleted");
    }
}
