using Mediator;
using Signal.Domain.Pipelines;

namespace Signal.Application.Pipelines.UpdatePipeline;

/// <summary>
/// A partial update: only the fields sent change; <c>parameters</c>, <c>labels</c> and <c>domain_allowlist</c> are
/// replaced whole, the collector and identity settings field by field.
/// </summary>
public sealed record UpdatePipelineCommand(string Id, string? IfMatch, PipelineFields Fields) : ICommand<PipelineResponse>;
