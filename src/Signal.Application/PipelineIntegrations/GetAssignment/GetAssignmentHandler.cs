using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.PipelineIntegrations.GetAssignment;

public sealed class GetAssignmentHandler(IPipelineIntegrationQueries assignments, ICurrentUser user)
    : IQueryHandler<GetAssignmentQuery, PipelineIntegrationResponse>
{
    public async ValueTask<PipelineIntegrationResponse> Handle(GetAssignmentQuery query, CancellationToken cancellationToken) =>
        await assignments.FindAsync(user.OrgId, query.PipelineId, query.Id, cancellationToken)
            ?? throw new NotFoundException("Pipeline integration", query.Id);
}
