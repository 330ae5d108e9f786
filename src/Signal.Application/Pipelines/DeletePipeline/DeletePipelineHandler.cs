using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.Pipelines.DeletePipeline;

public sealed class DeletePipelineHandler(IPipelineRepository pipelines, ICurrentUser user, IEntityTags entityTags, TimeProvider time)
    : ICommandHandler<DeletePipelineCommand, DeletePipelineResponse>
{
    public async ValueTask<DeletePipelineResponse> Handle(DeletePipelineCommand command, CancellationToken cancellationToken)
    {
        var pipeline = await pipelines.FindForUpdateAsync(user.OrgId, command.Id, cancellationToken)
            ?? throw new NotFoundException("Pipeline", command.Id);
        entityTags.EnsureMatches(command.IfMatch, pipeline.ToResponse(), "pipeline");

        pipeline.Delete(time.GetUtcNow());
        await pipelines.SaveAsync(pipeline, cancellationToken);
        return new DeletePipelineResponse("deleted");
    }
}
