using System.Text.Json.Nodes;
using Mediator;
using Signal.Domain.Pipelines;

namespace Signal.Application.Pipelines.UpdatePipeline;

/// <summary>
/// A partial update (seed 003, "Update Pipeline"): only the fields sent change; <c>parameters</c>, <c>labels</c> and
/// <c>domain_allowlist</c> are replaced whole, the collector and identity settings field by field.
/// </summary>
public sealed record UpdatePipelineCommand(
    string Id,
    string? IfMatch,
    string? Name = null,
    string? Slug = null,
    PipelineType? Type = null,
    IReadOnlyList<string>? DomainAllowlist = null,
    IReadOnlyList<string>? Labels = null,
    int? RateLimitRps = null,
    bool? ChallengeTokenRequired = null,
    IReadOnlyDictionary<string, string>? Parameters = null,
    JsonObject? Config = null,
    JsBuilderFields? JsBuilderConfig = null,
    IdentityFields? IdentityConfig = null,
    bool? Enabled = null) : ICommand<PipelineResponse>, IPipelineFields;
