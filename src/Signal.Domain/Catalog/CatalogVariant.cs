using System.Text.Json.Nodes;

namespace Signal.Domain.Catalog;

/// <summary>A pre-configured starting point for a vendor (e.g. <c>default</c>, <c>retail</c>).</summary>
public sealed record CatalogVariant(string Key, string Name, string Description, JsonObject DefaultConfig)
{
    public const string DefaultKey = "default";
}
