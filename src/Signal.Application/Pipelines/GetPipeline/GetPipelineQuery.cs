using Mediator;

namespace Signal.Application.Pipelines.GetPipeline;

/// <param name="IdOrSlug">The pipeline id (<c>pip_…</c>) or its slug.</param>
public sealed record GetPipelineQuery(string IdOrSlug) : IQuery<PipelineResponse>;
