using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;
using Signal.Application.Pipelines;
using Signal.Application.Templates;
using Signal.Domain.PipelineIntegrations;

namespace Signal.Application.PipelineIntegrations.AssignIntegration;

public sealed class AssignIntegrationHandler(
    IPipelineQueries pipelines,
    ITemplateRepository templateRepository,
    ITemplateQueries templateQueries,
    IPipelineIntegrationRepository assignments,
    ICurrentUser user,
    TimeProvider time) : ICommandHandler<AssignIntegrationCommand, PipelineIntegrationResponse>
{
    public async ValueTask<PipelineIntegrationResponse> Handle(AssignIntegrationCommand command, CancellationToken cancellationToken)
    {
        var pipeline = await pipelines.FindAsync(user.OrgId, command.PipelineId, cancellationToken)
            ?? throw new NotFoundException("Pipeline", command.PipelineId);

        // A share lock on the template: it cannot be deleted while this assignment is being made.
        var (template, latest) = await templateRepository.FindForShareAsync(user.OrgId, command.IntegrationId, cancellationToken)
            ?? throw new NotFoundException("Integration template", command.IntegrationId);
        var revision = await RevisionChoice.FindAsync(
            templateQueries, user.OrgId, template.Id, command.RevisionId, command.RevisionNumber, latest, cancellationToken);

        var assignment = PipelineIntegration.Create(user.OrgId, pipeline.Id, template.Id, revision.Id, command.Enabled ?? true, time.GetUtcNow());
        await assignments.AddAsync(assignment, cancellationToken);

        var latestNumber = template.LatestRevisionNumber!.Value;
        return new PipelineIntegrationResponse(assignment.Id, pipeline.Id, template.Id, template.Name, template.Vendor, revision.Id,
            revision.RevisionNumber, latestNumber, revision.RevisionNumber < latestNumber, revision.DeliveryMode, assignment.Enabled,
            assignment.CreatedAt, assignment.UpdatedAt);
    }
}
