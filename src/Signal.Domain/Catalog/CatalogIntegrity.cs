using System.Text.RegularExpressions;

namespace Signal.Domain.Catalog;

/// <summary>
/// The rules a catalog must satisfy before the service may start: a broken catalog fails start-up, not a request.
/// </summary>
public static partial class CatalogIntegrity
{
    /// <summary>Lists every rule the vendors break; an empty list means the catalog is sound.</summary>
    public static IReadOnlyList<string> FindProblems(IReadOnlyList<CatalogVendor> vendors)
    {
        var problems = new List<string>();
        foreach (var duplicate in vendors.GroupBy(v => v.Key).Where(g => g.Count() > 1))
        {
            problems.Add($"vendor key '{duplicate.Key}' is used {duplicate.Count()} times");
        }

        foreach (var vendor in vendors)
        {
            problems.AddRange(FindProblems(vendor).Select(p => $"{vendor.Key}: {p}"));
        }

        return problems;
    }

    private static IEnumerable<string> FindProblems(CatalogVendor vendor)
    {
        if (!KeyPattern().IsMatch(vendor.Key))
        {
            yield return "key must be lowercase letters, digits and underscores";
        }

        if (string.IsNullOrWhiteSpace(vendor.Name) || string.IsNullOrWhiteSpace(vendor.Description))
        {
            yield return "name and description are required";
        }

        if (!Uri.TryCreate(vendor.Website, UriKind.Absolute, out var website) || website.Scheme != Uri.UriSchemeHttps)
        {
            yield return "website must be an https URL";
        }

        if (vendor.ConfigFields.Count == 0)
        {
            yield return "has no config fields";
        }

        foreach (var key in DuplicateKeys(vendor.ConfigFields.Select(f => f.Key)))
        {
            yield return $"config field '{key}' is declared more than once";
        }

        foreach (var problem in vendor.ConfigFields.SelectMany(FieldProblems))
        {
            yield return problem;
        }

        if (vendor.FindVariant(CatalogVariant.DefaultKey) is null)
        {
            yield return "has no 'default' variant";
        }

        foreach (var key in DuplicateKeys(vendor.Variants.Select(v => v.Key)))
        {
            yield return $"variant '{key}' is declared more than once";
        }

        foreach (var variant in vendor.Variants)
        {
            foreach (var (key, value) in variant.DefaultConfig)
            {
                if (vendor.FindField(key)?.DescribeTypeMismatch(value) is { } mismatch)
                {
                    yield return $"variant '{variant.Key}' default for '{key}' {mismatch}";
                }
            }
        }
    }

    private static IEnumerable<string> FieldProblems(ConfigField field)
    {
        if (!KeyPattern().IsMatch(field.Key))
        {
            yield return $"config field '{field.Key}' key must be lowercase letters, digits and underscores";
        }

        if (string.IsNullOrWhiteSpace(field.Label))
        {
            yield return $"config field '{field.Key}' has no label";
        }

        var isSelect = field.Type == ConfigFieldType.Select;
        if (isSelect && (field.Options is null || field.Options.Count == 0))
        {
            yield return $"select field '{field.Key}' has no options";
        }

        if (!isSelect && field.Options is not null)
        {
            yield return $"config field '{field.Key}' has options but is not a select";
        }

        if (field.IsSecret && field.Default is not null)
        {
            yield return $"secret field '{field.Key}' must not have a default";
        }

        if (field.Default is not null && field.DescribeTypeMismatch(field.Default) is { } mismatch)
        {
            yield return $"config field '{field.Key}' default {mismatch}";
        }
    }

    private static IEnumerable<string> DuplicateKeys(IEnumerable<string> keys) =>
        keys.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key);

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex KeyPattern();
}
