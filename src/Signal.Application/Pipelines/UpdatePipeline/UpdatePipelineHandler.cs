using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.Pipelines.UpdatePipeline;

public sealed class UpdatePipelineHandler(IPipelineRepository pipelines, ICurrentUser user, IEntityTags entityTags, TimeProvider time)
    : ICommandHandler<UpdatePipelineCommand, PipelineResponse>
{
    public async ValueTask<PipelineResponse> Handle(UpdatePipelineCommand command, CancellationToken cancellationToken)
    {
        var pipeline = await pipelines.FindForUpdateAsync(user.OrgId, command.Id, cancellationToken)
            ?? throw new NotFoundException("Pipeline", command.Id);
        entityTags.EnsureMatches(command.IfMatch, pipeline.ToResponse(), "pipeline");

        pipeline.Change(command.Fields, time.GetUtcNow());
        await pipelines.SaveAsync(pipeline, cancellationToken);
        return pipeline.ToResponse();
    }
}
