using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;
using Signal.Application.Pipelines.Collector;

namespace Signal.Application.Pipelines.RequestCollectorBuild;

public sealed class RequestCollectorBuildHandler(IPipelineQueries queries, ICollectorBuilds builds, ICurrentUser user, TimeProvider time)
    : ICommandHandler<RequestCollectorBuildCommand, CollectorBuildAccepted>
{
    public async ValueTask<CollectorBuildAccepted> Handle(RequestCollectorBuildCommand command, CancellationToken cancellationToken)
    {
        var pipeline = await queries.FindAsync(user.OrgId, command.PipelineId, cancellationToken)
            ?? throw new NotFoundException("Pipeline", command.PipelineId);
        var build = await builds.RequestAsync(user.OrgId, pipeline.Id, time.GetUtcNow(), cancellationToken);
        return new CollectorBuildAccepted(build.Status, pipeline.Id, build.Id);
    }
}
