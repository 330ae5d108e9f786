using System.Text.Json.Nodes;
using Signal.Domain.Pipelines;

namespace Signal.Api.Contracts.Pipelines;

/// <summary>Body of <c>POST /v1/admin/pipelines</c>; everything but the name has a default.</summary>
/// <param name="Name">Display name.</param>
/// <param name="Slug">URL-safe identifier, unique in the organisation; generated from the name when absent.</param>
/// <param name="Type">web (default), app or server.</param>
/// <param name="DomainAllowlist">Host names allowed to send events (optionally *.example.com); empty allows all.</param>
/// <param name="Labels">Tags such as env:production; at most 50, no whitespace.</param>
/// <param name="RateLimitRps">Events per second, 1..1,000,000 (default 1000).</param>
/// <param name="ChallengeTokenRequired">Whether events must carry a challenge token (default false).</param>
/// <param name="Parameters">Pipeline-scoped string values for {{pipeline_param.KEY}} references.</param>
/// <param name="Config">Pipeline-specific configuration.</param>
/// <param name="JsBuilderConfig">How the JavaScript collector is built.</param>
/// <param name="IdentityConfig">Cross-domain identity settings.</param>
/// <param name="Enabled">Whether the pipeline accepts events (default true).</param>
public sealed record CreatePipelineRequest(
    string Name,
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
    bool? Enabled = null);

/// <summary>
/// Body of <c>PUT /v1/admin/pipelines/{id}</c>: only the fields sent change. Lists and parameters are replaced whole;
/// <c>js_builder_config</c> and <c>identity_config</c> change field by field.
/// </summary>
/// <param name="Name">Display name.</param>
/// <param name="Slug">URL-safe identifier, unique in the organisation.</param>
/// <param name="Type">web, app or server.</param>
/// <param name="DomainAllowlist">Replaces the allow-list.</param>
/// <param name="Labels">Replaces the labels.</param>
/// <param name="RateLimitRps">Events per second, 1..1,000,000.</param>
/// <param name="ChallengeTokenRequired">Whether events must carry a challenge token.</param>
/// <param name="Parameters">Replaces the parameters.</param>
/// <param name="Config">Replaces the pipeline-specific configuration.</param>
/// <param name="JsBuilderConfig">Collector settings to change.</param>
/// <param name="IdentityConfig">Identity settings to change.</param>
/// <param name="Enabled">Whether the pipeline accepts events.</param>
public sealed record UpdatePipelineRequest(
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
    bool? Enabled = null);
