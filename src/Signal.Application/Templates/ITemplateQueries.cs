using Signal.Application.Common.Paging;
using Signal.Application.Common.Sorting;

namespace Signal.Application.Templates;

/// <summary>Reads of templates and revisions, always scoped by organisation and blind to deleted templates.</summary>
public interface ITemplateQueries
{
    Task<TemplateResponse?> FindAsync(string orgId, string id, CancellationToken cancellationToken);

    Task<Page<TemplateResponse>> ListAsync(string orgId, TemplateFilter filter, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<Page<StoredRevision>> ListRevisionsAsync(
        string orgId, string templateId, int limit, int offset, CancellationToken cancellationToken);

    /// <summary>A revision by number, or by id when <paramref name="revisionId"/> is set.</summary>
    Task<StoredRevision?> FindRevisionAsync(
        string orgId, string templateId, int? revisionNumber, string? revisionId, CancellationToken cancellationToken);
}

/// <summary>List filters; <see cref="Search"/> is a case-insensitive substring of the name.</summary>
public sealed record TemplateFilter(string? Search, string? Vendor, ListSort Sort, int Limit, int Offset);
