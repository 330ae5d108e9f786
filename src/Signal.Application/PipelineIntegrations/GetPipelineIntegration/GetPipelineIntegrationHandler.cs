using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.PipelineIntegrations.GetPipelineIntegration;

public sealed class GetPipelineIntegrationHandler(IPipelineIntegrationQueries pipelineIntegrations, ICurrentUser user)
    : IQueryHandler<GetPipelineIntegrationQuery, PipelineIntegrationResponse>
{
    public async ValueTask<PipelineIntegrationResponse> Handle(GetPipelineIntegrationQuery query, CancellationToken cancellationToken) =>
        await pipelineIntegrations.FindAsync(user.OrgId, query.PipelineId, query.Id, cancellationToken)
            ?? throw new NotFoundException("Pipeline integration", query.Id);
}
