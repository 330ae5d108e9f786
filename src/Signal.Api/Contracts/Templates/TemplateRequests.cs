using System.Text.Json.Nodes;
using Signal.Domain.Templates;

namespace Signal.Api.Contracts.Templates;

/// <summary>Body of <c>POST /v1/admin/integration-catalog/{vendor}/install</c>.</summary>
/// <param name="Name">Display name of the new template, unique within the organisation.</param>
/// <param name="Variant">Catalog variant to start from; <c>default</c> when absent.</param>
/// <param name="Config">Values merged over the field and variant defaults (objects key by key, arrays replaced).</param>
/// <param name="DeliveryMode"><c>server_side</c> (default) or <c>client_side</c>.</param>
/// <param name="Description">What the template is for.</param>
public sealed record InstallRequest(
    string Name,
    string? Variant = null,
    JsonObject? Config = null,
    DeliveryMode? DeliveryMode = null,
    string? Description = null);

/// <summary>Body of <c>POST /v1/admin/integration-templates</c>.</summary>
/// <param name="Name">Display name, unique within the organisation (ignoring case).</param>
/// <param name="Vendor">A vendor key of the integration catalog.</param>
/// <param name="Description">What the template is for.</param>
public sealed record CreateTemplateRequest(string Name, string Vendor, string? Description = null);

/// <summary>Body of <c>PUT /v1/admin/integration-templates/{id}</c>: only name and description can change.</summary>
/// <param name="Name">New name; absent leaves it unchanged.</param>
/// <param name="Description">New description; absent leaves it unchanged, an empty string clears it.</param>
public sealed record UpdateTemplateRequest(string? Name = null, string? Description = null);

/// <summary>Body of <c>POST /v1/admin/integration-templates/{id}/revisions</c>.</summary>
/// <param name="Config">The full configuration. A secret sent back exactly as shown (<c>••••1234</c>) keeps its value.</param>
/// <param name="DeliveryMode"><c>server_side</c> or <c>client_side</c>.</param>
/// <param name="ChangeSummary">What changed, for the audit trail.</param>
public sealed record CreateRevisionRequest(JsonObject Config, DeliveryMode DeliveryMode, string? ChangeSummary = null);
