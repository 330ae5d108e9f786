using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;
using Signal.Application.Common.Secrets;
using Signal.Application.Templates.GetRevision;
using Signal.Domain.Catalog;
using Signal.Domain.Templates;

namespace Signal.Application.Templates.DiffRevisions;

public sealed class DiffRevisionsHandler(ITemplateQueries queries, ConfigSealer sealer, IIntegrationCatalog catalog, ICurrentUser user)
    : IQueryHandler<DiffRevisionsQuery, RevisionDiffResponse>
{
    public async ValueTask<RevisionDiffResponse> Handle(DiffRevisionsQuery query, CancellationToken cancellationToken)
    {
        var template = await queries.FindAsync(user.OrgId, query.TemplateId, cancellationToken)
            ?? throw new NotFoundException("Integration template", query.TemplateId);
        var to = await FindAsync(template.Id, query.Revision, cancellationToken);
        var from = query.Against is { } against
            ? await FindAsync(template.Id, against, cancellationToken)
            : to.RevisionNumber == 1 ? null : await FindAsync(template.Id, to.RevisionNumber - 1, null, $"{to.RevisionNumber - 1}", cancellationToken);
        if (from?.Id == to.Id)
        {
            throw ValidationFailedException.For("against", "must name another revision than rev");
        }

        var vendor = catalog.Require(template.Vendor);
        var changes = RevisionDiff.Between(vendor,
            from is null ? null : await OpenAsync(vendor, from, cancellationToken), await OpenAsync(vendor, to, cancellationToken));
        return new RevisionDiffResponse(from is null ? null : RevisionPointer.Of(from), RevisionPointer.Of(to),
            changes.Select(RevisionChange.Of).ToList());
    }

    // The validator has checked that the selectors parse.
    private Task<StoredRevision> FindAsync(string templateId, string selector, CancellationToken cancellationToken) =>
        RevisionSelector.TryParse(selector, out var number, out var id)
            ? FindAsync(templateId, number, id, selector, cancellationToken)
            : throw new NotFoundException("Revision", selector);

    private async Task<StoredRevision> FindAsync(string templateId, int? number, string? id, string shownAs, CancellationToken cancellationToken) =>
        await queries.FindRevisionAsync(user.OrgId, templateId, number, id, cancellationToken)
            ?? throw new NotFoundException("Revision", shownAs);

    private async Task<RevisionContent> OpenAsync(CatalogVendor vendor, StoredRevision revision, CancellationToken cancellationToken) =>
        new(await sealer.OpenAsync(revision.OrgId, revision.Id, vendor, revision.SealedConfig, cancellationToken), revision.DeliveryMode);
}
