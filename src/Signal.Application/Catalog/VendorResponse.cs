using System.Text.Json.Nodes;
using Signal.Domain.Catalog;

namespace Signal.Application.Catalog;

/// <summary>A catalog vendor as the API shows it.</summary>
public sealed record VendorResponse(
    string Key,
    string Name,
    string Description,
    VendorCategory Category,
    VendorStatus Status,
    string Website,
    IReadOnlyList<ConfigFieldResponse> ConfigFields,
    IReadOnlyList<VariantResponse> Variants);

/// <summary>A config field definition; <c>options</c> is set for <c>select</c> fields, <c>default</c> when the field has one.</summary>
public sealed record ConfigFieldResponse(
    string Key,
    string Label,
    ConfigFieldType Type,
    bool Required,
    string? Placeholder,
    string? HelpText,
    IReadOnlyList<string>? Options,
    JsonNode? Default);

/// <summary>A pre-configured variant and the config values it starts from.</summary>
public sealed record VariantResponse(string Key, string Name, string Description, JsonObject DefaultConfig);
