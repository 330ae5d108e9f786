using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.Templates.GetRevision;

public sealed class GetRevisionHandler(ITemplateQueries queries, RevisionPresenter presenter, ICurrentUser user)
    : IQueryHandler<GetRevisionQuery, RevisionResponse>
{
    public async ValueTask<RevisionResponse> Handle(GetRevisionQuery query, CancellationToken cancellationToken)
    {
        var template = await queries.FindAsync(user.OrgId, query.TemplateId, cancellationToken)
            ?? throw new NotFoundException("Integration template", query.TemplateId);
        var revision = RevisionSelector.TryParse(query.Revision, out var number, out var id)
            ? await queries.FindRevisionAsync(user.OrgId, template.Id, number, id, cancellationToken)
            : null;
        return revision is null
            ? throw new NotFoundException("Revision", query.Revision)
            : await presenter.PresentAsync(revision, template.Vendor, cancellationToken);
    }
}
