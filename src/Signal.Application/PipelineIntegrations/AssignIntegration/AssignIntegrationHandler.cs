using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;
using Signal.Application.Delivery;
using Signal.Domain.PipelineIntegrations;

namespace Signal.Application.PipelineIntegrations.AssignIntegration;

/// <remarks>A new pipeline integration has no reports yet: its status is <c>unknown</c>.</remarks>
public sealed class AssignIntegrationHandler(
    IPipelineIntegrationRepository pipelineIntegrations, ICurrentUser user, DeliverySettings delivery, TimeProvider time)
    : ICommandHandler<AssignIntegrationCommand, PipelineIntegrationResponse>
{
    public async ValueTask<PipelineIntegrationResponse> Handle(AssignIntegrationCommand command, CancellationToken cancellationToken)
    {
        var wanted = command.RevisionId is null && command.RevisionNumber is null ? null : new WantedRevision(command.RevisionId, command.RevisionNumber);
        var (pipelineFound, template, found) = await pipelineIntegrations.FindTargetsAsync(
            user.OrgId, command.PipelineId, command.IntegrationId, wanted, cancellationToken);
        if (!pipelineFound)
        {
            throw new NotFoundException("Pipeline", command.PipelineId);
        }

        if (template is null)
        {
            throw new NotFoundException("Integration template", command.IntegrationId);
        }

        var revision = RevisionChoice.Require(found, template.Id, command.RevisionId, command.RevisionNumber);
        var pipelineIntegration = PipelineIntegration.Create(
            user.OrgId, command.PipelineId, revision, template.Name, command.Enabled ?? true, time.GetUtcNow());
        await pipelineIntegrations.AddAsync(pipelineIntegration, cancellationToken);

        return PipelineIntegrationResponse.Of(
            pipelineIntegration, new TemplateFacts(template.Name, template.Vendor, template.LatestRevisionNumber!.Value), revision,
            ObservedDelivery.None(delivery.WindowMinutes));
    }
}
