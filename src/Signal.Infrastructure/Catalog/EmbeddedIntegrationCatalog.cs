using System.Text.Json;
using System.Text.Json.Serialization;
using Signal.Application.Common.Abstractions;
using Signal.Domain.Catalog;

namespace Signal.Infrastructure.Catalog;

/// <summary>
/// The catalog compiled into this assembly (<c>catalog.json</c>): versioned with the code, no database.
/// Loading checks <see cref="CatalogIntegrity"/> so that a broken catalog stops the service from starting.
/// </summary>
public sealed class EmbeddedIntegrationCatalog : IIntegrationCatalog
{
    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    private readonly Dictionary<string, CatalogVendor> _byKey;

    private EmbeddedIntegrationCatalog(IReadOnlyList<CatalogVendor> vendors)
    {
        Vendors = vendors;
        _byKey = vendors.ToDictionary(v => v.Key, StringComparer.Ordinal);
    }

    public IReadOnlyList<CatalogVendor> Vendors { get; }

    public CatalogVendor? Find(string vendorKey) => _byKey.GetValueOrDefault(vendorKey);

    /// <summary>Loads the catalog shipped with this build.</summary>
    public static EmbeddedIntegrationCatalog Load()
    {
        using var stream = typeof(EmbeddedIntegrationCatalog).Assembly
            .GetManifestResourceStream("Signal.Infrastructure.Catalog.catalog.json")
            ?? throw new InvalidCatalogException(["the embedded resource catalog.json is missing"]);
        return FromJson(stream);
    }

    /// <summary>Parses and checks a catalog document (a JSON array of vendors).</summary>
    public static EmbeddedIntegrationCatalog FromJson(Stream json)
    {
        List<CatalogVendor> vendors;
        try
        {
            vendors = JsonSerializer.Deserialize<List<CatalogVendor>>(json, SerializerOptions)
                ?? throw new InvalidCatalogException(["the document is null"]);
        }
        catch (JsonException e)
        {
            throw new InvalidCatalogException([$"the document does not parse: {e.Message}"]);
        }

        var problems = CatalogIntegrity.FindProblems(vendors);
        return problems.Count == 0 ? new EmbeddedIntegrationCatalog(vendors) : throw new InvalidCatalogException(problems);
    }
}
