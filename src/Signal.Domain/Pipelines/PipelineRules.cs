using System.Text.RegularExpressions;

namespace Signal.Domain.Pipelines;

/// <summary>The value rules of SPEC §7, each with the message a client sees when it is broken.</summary>
public static partial class PipelineRules
{
    public const int MaxNameLength = 100;
    public const int MaxSlugLength = 100;
    public const int MaxLabels = 50;
    public const int MaxLabelLength = 100;
    public const int MaxParameters = 100;
    public const int MaxParameterValueLength = 1024;
    public const int MaxParameterKeyLength = 100;
    public const int MaxHostLength = 253;
    public const int MaxScriptFilenameLength = 100;
    public const int MaxGlobalVariableLength = 64;
    public const int MaxDomains = 100;
    public const int MinRateLimit = 1;
    public const int MaxRateLimit = 1_000_000;

    private static readonly HashSet<string> ReservedWords =
    [
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum",
        "export", "extends", "false", "finally", "for", "function", "if", "implements", "import", "in", "instanceof",
        "interface", "let", "new", "null", "package", "private", "protected", "public", "return", "static", "super",
        "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield", "await",
        "undefined", "NaN", "Infinity", "eval", "arguments", "window", "document",
    ];

    public static bool IsSlug(string value) => value.Length <= MaxSlugLength && Slug().IsMatch(value);

    /// <summary>A host name (lowercase letters, digits, hyphens; dot-separated labels), optionally starting with <c>*.</c>.</summary>
    public static bool IsHostPattern(string value) =>
        value.Length <= MaxHostLength && HostPattern().IsMatch(value.StartsWith("*.", StringComparison.Ordinal) ? value[2..] : value);

    public static bool IsLabel(string value) =>
        value.Length is > 0 and <= MaxLabelLength && !value.Any(char.IsWhiteSpace);

    public static bool IsParameterKey(string value) => value.Length <= MaxParameterKeyLength && ParameterKey().IsMatch(value);

    /// <summary>A plain file name ending in <c>.js</c>: no path, no leading dot.</summary>
    public static bool IsScriptFilename(string value) => value.Length <= MaxScriptFilenameLength && ScriptFilename().IsMatch(value);

    /// <summary>A JavaScript identifier that is not a reserved word or a global the collector must not replace.</summary>
    public static bool IsGlobalVariable(string value) =>
        value.Length <= MaxGlobalVariableLength && JsIdentifier().IsMatch(value) && !ReservedWords.Contains(value);

    /// <summary>The slug a name gives: lowercase, runs of anything but letters and digits become one hyphen.</summary>
    public static string SlugFrom(string name)
    {
        var slug = NonAlphanumeric().Replace(name.ToLowerInvariant(), "-").Trim('-');
        slug = slug.Length > MaxSlugLength - 8 ? slug[..(MaxSlugLength - 8)].TrimEnd('-') : slug;
        return slug.Length == 0 ? "pipeline" : slug;
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$")]
    private static partial Regex HostPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex ParameterKey();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.-]*\.js$")]
    private static partial Regex ScriptFilename();

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex JsIdentifier();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlphanumeric();
}
