using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;
using Signal.Application.Pipelines;

namespace Signal.Application.PipelineIntegrations.ListPipelineIntegrations;

public sealed class ListPipelineIntegrationsHandler(IPipelineQueries pipelines, IPipelineIntegrationQueries pipelineIntegrations, ICurrentUser user)
    : IQueryHandler<ListPipelineIntegrationsQuery, ListAssignmentsResponse>
{
    public async ValueTask<ListAssignmentsResponse> Handle(ListPipelineIntegrationsQuery query, CancellationToken cancellationToken)
    {
        var pipeline = await pipelines.FindAsync(user.OrgId, query.PipelineId, cancellationToken)
            ?? throw new NotFoundException("Pipeline", query.PipelineId);
        var list = await pipelineIntegrations.ListAsync(user.OrgId, pipeline.Id, cancellationToken);
        return new ListAssignmentsResponse(list, list.Count);
    }
}
