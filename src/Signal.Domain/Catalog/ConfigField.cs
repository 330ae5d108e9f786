using System.Text.Json;
using System.Text.Json.Nodes;

namespace Signal.Domain.Catalog;

/// <summary>One field of a vendor's configuration, as declared by the catalog.</summary>
public sealed record ConfigField(
    string Key,
    string Label,
    ConfigFieldType Type,
    bool Required,
    string? Placeholder,
    string? HelpText,
    IReadOnlyList<string>? Options,
    JsonNode? Default)
{
    /// <summary>Whether values of this field are secrets (encrypted at rest, masked in responses).</summary>
    public bool IsSecret => Type == ConfigFieldType.Secret;

    /// <summary>
    /// Describes why <paramref name="value"/> is not a literal value of this field's type, or returns null when it is.
    /// </summary>
    public string? DescribeTypeMismatch(JsonNode? value)
    {
        var kind = value?.GetValueKind();
        return Type switch
        {
            ConfigFieldType.String or ConfigFieldType.Secret when kind != JsonValueKind.String => "must be a string",
            ConfigFieldType.Number when kind != JsonValueKind.Number => "must be a number",
            ConfigFieldType.Boolean when kind is not (JsonValueKind.True or JsonValueKind.False) => "must be true or false",
            ConfigFieldType.Select when kind != JsonValueKind.String || !Options!.Contains(value!.GetValue<string>()) =>
                $"must be one of: {string.Join(", ", Options ?? [])}",
            _ => null,
        };
    }
}
