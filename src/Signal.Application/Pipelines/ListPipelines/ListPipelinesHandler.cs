using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Sorting;

namespace Signal.Application.Pipelines.ListPipelines;

public sealed class ListPipelinesHandler(IPipelineQueries queries, ICurrentUser user)
    : IQueryHandler<ListPipelinesQuery, ListPipelinesResponse>
{
    public async ValueTask<ListPipelinesResponse> Handle(ListPipelinesQuery query, CancellationToken cancellationToken)
    {
        var filter = new PipelineFilter(
            string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim().ToLowerInvariant(),
            query.Type,
            query.Labels.Distinct(StringComparer.Ordinal).ToList(),
            query.Enabled,
            ListSort.Parse(query.Sort),
            query.Limit,
            query.Offset);
        var result = await queries.ListAsync(user.OrgId, filter, cancellationToken);
        return new ListPipelinesResponse(result.Page.Items, result.Page.Total, query.Limit, query.Offset, result.AvailableLabels);
    }
}
