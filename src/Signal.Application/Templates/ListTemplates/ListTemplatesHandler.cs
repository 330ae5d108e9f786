using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Sorting;

namespace Signal.Application.Templates.ListTemplates;

public sealed class ListTemplatesHandler(ITemplateQueries queries, ICurrentUser user)
    : IQueryHandler<ListTemplatesQuery, ListTemplatesResponse>
{
    public async ValueTask<ListTemplatesResponse> Handle(ListTemplatesQuery query, CancellationToken cancellationToken)
    {
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim();
        var filter = new TemplateFilter(search, query.Vendor, ListSort.Parse(query.Sort), query.Limit, query.Offset);
        var page = await queries.ListAsync(user.OrgId, filter, cancellationToken);
        return new ListTemplatesResponse(page.Items, page.Total, query.Limit, query.Offset);
    }
}
