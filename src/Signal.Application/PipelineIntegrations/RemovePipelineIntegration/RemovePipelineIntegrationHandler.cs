using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.PipelineIntegrations.RemovePipelineIntegration;

public sealed class RemovePipelineIntegrationHandler(IPipelineIntegrationRepository pipelineIntegrations, ICurrentUser user, IEntityTags entityTags, TimeProvider time)
    : ICommandHandler<RemovePipelineIntegrationCommand, RemoveAssignmentResponse>
{
    public async ValueTask<RemoveAssignmentResponse> Handle(RemovePipelineIntegrationCommand command, CancellationToken cancellationToken)
    {
        var (pipelineIntegration, template, pinned, observed, _) = await pipelineIntegrations.FindForUpdateAsync(
            user.OrgId, command.PipelineId, command.Id, wanted: null, cancellationToken)
            ?? throw new NotFoundException("Pipeline integration", command.Id);
        entityTags.EnsureMatches(command.IfMatch, PipelineIntegrationResponse.Of(pipelineIntegration, template, pinned, observed), "pipeline integration");

        pipelineIntegration.Delete(time.GetUtcNow());
        await pipelineIntegrations.SaveAsync(pipelineIntegration, cancellationToken);
        return new RemoveAssignmentResponse("deleted");
    }
}
