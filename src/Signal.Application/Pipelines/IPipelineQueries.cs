using Signal.Application.Common.Paging;
using Signal.Application.Common.Sorting;
using Signal.Domain.Pipelines;

namespace Signal.Application.Pipelines;

/// <summary>Reads of pipelines, always scoped by organisation and blind to deleted pipelines.</summary>
public interface IPipelineQueries
{
    Task<Pipeline?> FindAsync(string orgId, string id, CancellationToken cancellationToken);

    /// <summary>By id (<c>pip_…</c>) or, failing that, by slug.</summary>
    Task<Pipeline?> FindByIdOrSlugAsync(string orgId, string idOrSlug, CancellationToken cancellationToken);

    Task<PipelinePage> ListAsync(string orgId, PipelineFilter filter, CancellationToken cancellationToken);
}

/// <summary>List filters; they combine with AND, and every label must be present.</summary>
public sealed record PipelineFilter(
    string? Search, PipelineType? Type, IReadOnlyList<string> Labels, bool? Enabled, ListSort Sort, int Limit, int Offset);

/// <summary>A page of pipelines, the total that match, and every label of the org's pipelines.</summary>
public sealed record PipelinePage(Page<PipelineSummary> Page, IReadOnlyList<string> AvailableLabels);
