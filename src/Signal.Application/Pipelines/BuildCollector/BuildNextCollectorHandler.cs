using Mediator;
using Microsoft.Extensions.Logging;
using Signal.Application.Pipelines.Collector;

namespace Signal.Application.Pipelines.BuildCollector;

public sealed partial class BuildNextCollectorHandler(
    ICollectorBuilds builds,
    IPipelineQueries queries,
    CollectorSettings settings,
    TimeProvider time,
    ILogger<BuildNextCollectorHandler> logger) : ICommandHandler<BuildNextCollectorCommand, bool>
{
    public async ValueTask<bool> Handle(BuildNextCollectorCommand command, CancellationToken cancellationToken)
    {
        var build = await builds.ClaimNextAsync(cancellationToken);
        if (build is null)
        {
            return false;
        }

        var pipeline = await queries.FindAsync(build.OrgId, build.PipelineId, cancellationToken);
        if (pipeline is null)
        {
            await builds.FailAsync(build.Id, "The pipeline was deleted before its collector was built.", time.GetUtcNow(), cancellationToken);
            return true;
        }

        var script = CollectorScript.Generate(pipeline.PipelineKey, settings.IngestUrl, pipeline.JsBuilderConfig, pipeline.IdentityConfig);
        await builds.CompleteAsync(build.Id, script, time.GetUtcNow(), cancellationToken);
        LogBuilt(build.Id, pipeline.Id, script.VersionHash, script.SizeBytes);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Built collector {BuildId} of {PipelineId}: {VersionHash}, {SizeBytes} bytes")]
    private partial void LogBuilt(string buildId, string pipelineId, string versionHash, int sizeBytes);
}
