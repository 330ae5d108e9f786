using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;
using Signal.Application.Templates;

namespace Signal.Application.PipelineIntegrations.UpdateAssignment;

public sealed class UpdateAssignmentHandler(
    IPipelineIntegrationRepository assignments,
    IPipelineIntegrationQueries queries,
    ITemplateQueries templates,
    ICurrentUser user,
    IEntityTags entityTags,
    TimeProvider time) : ICommandHandler<UpdateAssignmentCommand, PipelineIntegrationResponse>
{
    public async ValueTask<PipelineIntegrationResponse> Handle(UpdateAssignmentCommand command, CancellationToken cancellationToken)
    {
        var assignment = await assignments.FindForUpdateAsync(user.OrgId, command.PipelineId, command.Id, cancellationToken)
            ?? throw new NotFoundException("Pipeline integration", command.Id);
        if (command.IfMatch is not null
            && !entityTags.Matches(command.IfMatch, (await queries.FindAsync(user.OrgId, command.PipelineId, command.Id, cancellationToken))!))
        {
            throw new PreconditionFailedException("pipeline integration");
        }

        var now = time.GetUtcNow();
        if (command.RevisionId is not null || command.RevisionNumber is not null)
        {
            var revision = await RevisionChoice.FindAsync(
                templates, user.OrgId, assignment.IntegrationId, command.RevisionId, command.RevisionNumber, latest: null, cancellationToken);
            assignment.Pin(revision.Id, now);
        }

        if (command.Enabled is { } enabled)
        {
            assignment.SetEnabled(enabled, now);
        }

        await assignments.SaveAsync(assignment, cancellationToken);
        return (await queries.FindAsync(user.OrgId, command.PipelineId, command.Id, cancellationToken))!;
    }
}
