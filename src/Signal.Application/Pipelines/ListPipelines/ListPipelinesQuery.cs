using Mediator;
using Signal.Application.Common.Paging;
using Signal.Domain.Pipelines;

namespace Signal.Application.Pipelines.ListPipelines;

public sealed record ListPipelinesQuery(
    string? Search,
    PipelineType? Type,
    IReadOnlyList<string> Labels,
    bool? Enabled,
    string? Sort = null,
    int Limit = PagingRules.DefaultLimit,
    int Offset = 0) : IQuery<ListPipelinesResponse>;

/// <summary>The pipelines page plus <c>available_labels</c>: every label of the org's pipelines, for grouping in a UI.</summary>
public sealed record ListPipelinesResponse(
    IReadOnlyList<PipelineSummary> Pipelines,
    int Total,
    int Limit,
    int Offset,
    IReadOnlyList<string> AvailableLabels);
