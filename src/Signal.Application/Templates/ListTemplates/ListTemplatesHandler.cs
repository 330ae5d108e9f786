using Mediator;
using Signal.Application.Common.Abstractions;

namespace Signal.Application.Templates.ListTemplates;

public sealed class ListTemplatesHandler(ITemplateQueries queries, ICurrentUser user)
    : IQueryHandler<ListTemplatesQuery, ListTemplatesResponse>
{
    public async ValueTask<ListTemplatesResponse> Handle(ListTemplatesQuery query, CancellationToken cancellationToken)
    {
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim();
        var page = await queries.ListAsync(user.OrgId, search, query.Vendor, query.Limit, query.Offset, cancellationToken);
        return new ListTemplatesResponse(page.Items.Select(t => t.ToResponse()).ToList(), page.Total, query.Limit, query.Offset);
    }
}
