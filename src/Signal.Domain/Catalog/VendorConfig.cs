using System.Text.Json;
using System.Text.Json.Nodes;
using Signal.Domain.Parameters;

namespace Signal.Domain.Catalog;

/// <summary>The config rules of docs/catalog.md: how a vendor's fields judge a revision config, and how install builds one.</summary>
public static class VendorConfig
{
    /// <summary>
    /// Lists, per field (keyed <c>config.&lt;key&gt;</c>), what is wrong with <paramref name="config"/>: required fields
    /// present and non-empty, values of the declared type, select values among the options. A string that is exactly a
    /// <c>{{pipeline_param.KEY}}</c> reference is accepted for any field. Keys the vendor does not declare are allowed.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> FindProblems(CatalogVendor vendor, JsonObject config)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var field in vendor.ConfigFields)
        {
            var value = config[field.Key];
            string? problem;
            if (IsEmpty(value))
            {
                problem = field.Required ? "is required" : null;
            }
            else if (value is JsonValue text && text.TryGetValue<string>(out var s) && ParameterReference.IsExactly(s))
            {
                problem = null;
            }
            else
            {
                problem = field.DescribeTypeMismatch(value);
            }

            if (problem is not null)
            {
                problems[$"config.{field.Key}"] = [problem];
            }
        }

        return problems;
    }

    /// <summary>
    /// The config of an installed template's first revision: the fields' defaults, overlaid by the variant's
    /// <c>default_config</c>, overlaid by what the user sent. Objects merge key by key, the later value wins, arrays
    /// and scalars are replaced.
    /// </summary>
    public static JsonObject ForInstall(CatalogVendor vendor, CatalogVariant variant, JsonObject? userConfig)
    {
        var config = new JsonObject();
        foreach (var field in vendor.ConfigFields.Where(f => f.Default is not null))
        {
            config[field.Key] = field.Default!.DeepClone();
        }

        Overlay(config, variant.DefaultConfig);
        if (userConfig is not null)
        {
            Overlay(config, userConfig);
        }

        return config;
    }

    private static void Overlay(JsonObject target, JsonObject overlay)
    {
        foreach (var (key, value) in overlay)
        {
            if (value is JsonObject nested && target[key] is JsonObject existing)
            {
                Overlay(existing, nested);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    private static bool IsEmpty(JsonNode? value) =>
        value is null
        || (value.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetValue<string>()));
}
