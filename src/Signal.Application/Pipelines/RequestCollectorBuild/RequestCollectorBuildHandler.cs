using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;
using Signal.Application.Pipelines.Collector;

namespace Signal.Application.Pipelines.RequestCollectorBuild;

public sealed class RequestCollectorBuildHandler(IPipelineRepository pipelines, ICollectorBuilds builds, ICurrentUser user, TimeProvider time)
    : ICommandHandler<RequestCollectorBuildCommand, CollectorBuildAccepted>
{
    public async ValueTask<CollectorBuildAccepted> Handle(RequestCollectorBuildCommand command, CancellationToken cancellationToken)
    {
        var pipeline = await pipelines.FindForUpdateAsync(user.OrgId, command.PipelineId, cancellationToken)
            ?? throw new NotFoundException("Pipeline", command.PipelineId);
        var now = time.GetUtcNow();
        pipeline.RecordCollectorBuildRequested(now);
        var build = await builds.RequestAsync(user.OrgId, pipeline.Id, now, cancellationToken);
        return new CollectorBuildAccepted(build.Status, pipeline.Id, build.Id);
    }
}
