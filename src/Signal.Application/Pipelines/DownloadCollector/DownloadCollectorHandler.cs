using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;
using Signal.Application.Pipelines.Collector;

namespace Signal.Application.Pipelines.DownloadCollector;

public sealed class DownloadCollectorHandler(IPipelineQueries queries, ICollectorBuilds builds, ICurrentUser user)
    : IQueryHandler<DownloadCollectorQuery, CollectorFile>
{
    public async ValueTask<CollectorFile> Handle(DownloadCollectorQuery query, CancellationToken cancellationToken)
    {
        var pipeline = await queries.FindAsync(user.OrgId, query.PipelineId, cancellationToken)
            ?? throw new NotFoundException("Pipeline", query.PipelineId);
        var ready = await builds.FindLatestReadyAsync(user.OrgId, pipeline.Id, cancellationToken)
            ?? throw new NotFoundException("Collector build", pipeline.Id);
        return new CollectorFile(ready.Build.Filename!, ready.Content, ready.Build.VersionHash!);
    }
}
