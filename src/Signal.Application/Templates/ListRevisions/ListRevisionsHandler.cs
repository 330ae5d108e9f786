using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.Templates.ListRevisions;

public sealed class ListRevisionsHandler(ITemplateQueries queries, RevisionPresenter presenter, ICurrentUser user)
    : IQueryHandler<ListRevisionsQuery, ListRevisionsResponse>
{
    public async ValueTask<ListRevisionsResponse> Handle(ListRevisionsQuery query, CancellationToken cancellationToken)
    {
        var template = await queries.FindAsync(user.OrgId, query.TemplateId, cancellationToken)
            ?? throw new NotFoundException("Integration template", query.TemplateId);
        var page = await queries.ListRevisionsAsync(user.OrgId, template.Id, query.Limit, query.Offset, cancellationToken);
        var revisions = new List<RevisionResponse>(page.Items.Count);
        foreach (var revision in page.Items)
        {
            revisions.Add(await presenter.PresentAsync(revision, template.Vendor, cancellationToken));
        }

        return new ListRevisionsResponse(revisions, page.Total, query.Limit, query.Offset);
    }
}
