using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;
using Signal.Application.Pipelines.Collector;

namespace Signal.Application.Pipelines.GetCollectorStatus;

public sealed class GetCollectorStatusHandler(IPipelineQueries queries, ICollectorBuilds builds, ICurrentUser user)
    : IQueryHandler<GetCollectorStatusQuery, CollectorStatusResponse>
{
    public async ValueTask<CollectorStatusResponse> Handle(GetCollectorStatusQuery query, CancellationToken cancellationToken)
    {
        var pipeline = await queries.FindAsync(user.OrgId, query.PipelineId, cancellationToken)
            ?? throw new NotFoundException("Pipeline", query.PipelineId);
        var build = await builds.FindCurrentAsync(user.OrgId, pipeline.Id, cancellationToken);
        return build is null
            ? new CollectorStatusResponse(CollectorBuildStatus.NoBuilds, pipeline.Id, null, null, null, null, null)
            : new CollectorStatusResponse(build.Status, pipeline.Id, build.Id, build.VersionHash, build.FileSizeBytes, build.BuiltAt, build.Error);
    }
}
