using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.Pipelines.GetPipeline;

public sealed class GetPipelineHandler(IPipelineQueries queries, ICurrentUser user) : IQueryHandler<GetPipelineQuery, PipelineResponse>
{
    public async ValueTask<PipelineResponse> Handle(GetPipelineQuery query, CancellationToken cancellationToken)
    {
        var pipeline = await queries.FindByIdOrSlugAsync(user.OrgId, query.IdOrSlug, cancellationToken)
            ?? throw new NotFoundException("Pipeline", query.IdOrSlug);
        return pipeline.ToResponse();
    }
}
