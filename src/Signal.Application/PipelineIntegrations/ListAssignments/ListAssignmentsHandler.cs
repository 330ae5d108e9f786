using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;
using Signal.Application.Pipelines;

namespace Signal.Application.PipelineIntegrations.ListAssignments;

public sealed class ListAssignmentsHandler(IPipelineQueries pipelines, IPipelineIntegrationQueries assignments, ICurrentUser user)
    : IQueryHandler<ListAssignmentsQuery, ListAssignmentsResponse>
{
    public async ValueTask<ListAssignmentsResponse> Handle(ListAssignmentsQuery query, CancellationToken cancellationToken)
    {
        var pipeline = await pipelines.FindAsync(user.OrgId, query.PipelineId, cancellationToken)
            ?? throw new NotFoundException("Pipeline", query.PipelineId);
        var list = await assignments.ListAsync(user.OrgId, pipeline.Id, cancellationToken);
        return new ListAssignmentsResponse(list, list.Count);
    }
}
