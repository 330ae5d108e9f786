using System.Text.Json.Nodes;
using Mediator;
using Signal.Application.Common.Idempotency;
using Signal.Domain.Pipelines;

namespace Signal.Application.Pipelines.CreatePipeline;

/// <summary>Creates a pipeline with a new key and secret (seed 003, "Create Pipeline"); unset fields take the seed's defaults.</summary>
public sealed record CreatePipelineCommand(
    string? Name,
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
    bool? Enabled = null,
    string? IdempotencyKey = null) : ICommand<CreatedPipelineResponse>, IPipelineFields, IIdempotentCommand;
