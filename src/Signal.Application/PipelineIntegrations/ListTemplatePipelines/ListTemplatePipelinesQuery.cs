using Mediator;

namespace Signal.Application.PipelineIntegrations.ListTemplatePipelines;

public sealed record ListTemplatePipelinesQuery(string TemplateId) : IQuery<ListTemplatePipelinesResponse>;

/// <summary>Where a template is used and at which revision.</summary>
public sealed record ListTemplatePipelinesResponse(IReadOnlyList<TemplateUsage> Pipelines, int Total);
