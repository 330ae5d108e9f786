using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.PipelineIntegrations.UpdatePipelineIntegration;

/// <remarks>
/// Two round trips: the locked read brings the template's facts and the wanted revision along, so the response is
/// built from the changed aggregate and nothing is read back after the update.
/// </remarks>
public sealed class UpdatePipelineIntegrationHandler(
    IPipelineIntegrationRepository pipelineIntegrations,
    ICurrentUser user,
    IEntityTags entityTags,
    TimeProvider time) : ICommandHandler<UpdatePipelineIntegrationCommand, PipelineIntegrationResponse>
{
    public async ValueTask<PipelineIntegrationResponse> Handle(UpdatePipelineIntegrationCommand command, CancellationToken cancellationToken)
    {
        var pinning = command.RevisionId is not null || command.RevisionNumber is not null;
        var (pipelineIntegration, template, pinned, observed, wanted) = await pipelineIntegrations.FindForUpdateAsync(user.OrgId, command.PipelineId,
            command.Id, pinning ? new WantedRevision(command.RevisionId, command.RevisionNumber) : null, cancellationToken)
            ?? throw new NotFoundException("Pipeline integration", command.Id);
        entityTags.EnsureMatches(command.IfMatch, PipelineIntegrationResponse.Of(pipelineIntegration, template, pinned, observed), "pipeline integration");

        var now = time.GetUtcNow();
        if (pinning)
        {
            pinned = RevisionChoice.Require(wanted, pipelineIntegration.TemplateId, command.RevisionId, command.RevisionNumber);
            pipelineIntegration.Pin(pinned, now);
        }

        if (command.Enabled is { } enabled)
        {
            pipelineIntegration.SetEnabled(enabled, now);
        }

        await pipelineIntegrations.SaveAsync(pipelineIntegration, cancellationToken);
        return PipelineIntegrationResponse.Of(pipelineIntegration, template, pinned, observed);
    }
}
