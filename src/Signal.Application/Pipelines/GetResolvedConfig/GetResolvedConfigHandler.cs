using Mediator;
using Microsoft.Extensions.Logging;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;
using Signal.Application.PipelineIntegrations;

namespace Signal.Application.Pipelines.GetResolvedConfig;

public sealed partial class GetResolvedConfigHandler(
    IPipelineQueries pipelines,
    IPipelineIntegrationQueries pipelineIntegrations,
    RevisionConfigResolver resolver,
    ICurrentUser user,
    ILogger<GetResolvedConfigHandler> logger) : IQueryHandler<GetResolvedConfigQuery, ResolvedConfigResponse>
{
    public async ValueTask<ResolvedConfigResponse> Handle(GetResolvedConfigQuery query, CancellationToken cancellationToken)
    {
        var pipeline = await pipelines.FindAsync(user.OrgId, query.PipelineId, cancellationToken)
            ?? throw new NotFoundException("Pipeline", query.PipelineId);
        var integrations = new List<ResolvedIntegration>();
        foreach (var assigned in await pipelineIntegrations.ListEnabledConfigsAsync(user.OrgId, pipeline.Id, cancellationToken))
        {
            var resolved = await resolver.ResolveAsync(user.OrgId, assigned, pipeline.Parameters, cancellationToken);
            if (resolved.Unresolved.Count > 0)
            {
                LogUnresolved(pipeline.Id, assigned.Id, string.Join(", ", resolved.Unresolved));
            }

            integrations.Add(new ResolvedIntegration(assigned.Id, assigned.IntegrationId, assigned.Vendor, assigned.RevisionId,
                assigned.RevisionNumber, assigned.DeliveryMode, resolver.Mask(assigned, resolved.Config), resolved.Unresolved));
        }

        return new ResolvedConfigResponse(pipeline.Id, integrations);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Pipeline {PipelineId} integration {PipelineIntegrationId} references undefined parameters: {Keys}; the placeholders stay as they are")]
    private partial void LogUnresolved(string pipelineId, string pipelineIntegrationId, string keys);
}
