using System.Text.RegularExpressions;

namespace Signal.Domain.Pipelines;

/// <summary>The value rules of a pipeline's fields, each with the message a client sees when it is broken.</summary>
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

    public static readonly string NameMessage = $"must be 1 to {MaxNameLength} characters without control characters";
    public static readonly string SlugMessage =
        $"must be lowercase letters and digits separated by single hyphens, at most {MaxSlugLength} characters";
    public static readonly string RateLimitMessage = $"must be between {MinRateLimit} and {MaxRateLimit}";
    public static readonly string LabelMessage = $"must be 1 to {MaxLabelLength} characters without whitespace";
    public static readonly string ScriptFilenameMessage =
        $"must be a plain file name ending in .js, at most {MaxScriptFilenameLength} characters";
    public static readonly string GlobalVariableMessage =
        $"must be a JavaScript identifier of at most {MaxGlobalVariableLength} characters that is not a reserved word";

    /// <summary>1 to <see cref="MaxNameLength"/> characters once trimmed, no control characters.</summary>
    public static bool IsName(string value) =>
        !string.IsNullOrWhiteSpace(value) && value.Trim().Length <= MaxNameLength && !value.Any(char.IsControl);

    public static bool IsRateLimit(int value) => value is >= MinRateLimit and <= MaxRateLimit;

    /// <summary>Hosts as stored: trimmed, lowercase, each once.</summary>
    public static List<string> NormaliseHosts(IEnumerable<string> hosts) =>
        hosts.Select(h => h.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();

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

    /// <summary>Collects broken rules keyed by JSON path, one message per rule, in the order they were checked.</summary>
    public sealed class Violations
    {
        private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

        public IReadOnlyDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

        public void AddIf(bool broken, string path, string message)
        {
            if (broken)
            {
                if (!_errors.TryGetValue(path, out var messages))
                {
                    _errors[path] = messages = [];
                }

                messages.Add(message);
            }
        }

        public void CheckEach<T>(string path, IReadOnlyList<T> items, Func<T, bool> rule, Func<T, string> message)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (!rule(items[i]))
                {
                    AddIf(true, $"{path}[{i}]", message(items[i]));
                }
            }
        }

        /// <summary>At most <see cref="MaxDomains"/> host patterns (see <see cref="IsHostPattern"/>).</summary>
        public void CheckHosts(string path, IReadOnlyList<string>? hosts)
        {
            if (hosts is null)
            {
                return;
            }

            AddIf(hosts.Count > MaxDomains, path, $"must have at most {MaxDomains} entries");
            CheckEach(path, hosts, h => h is not null && IsHostPattern(h.Trim().ToLowerInvariant()),
                h => $"'{h}' must be a host name of at most {MaxHostLength} characters (optionally starting with *.)");
        }

        /// <summary>At most <see cref="MaxParameters"/> keys, each an identifier, each value a bounded string.</summary>
        public void CheckParameters(IReadOnlyDictionary<string, string>? parameters)
        {
            if (parameters is null)
            {
                return;
            }

            AddIf(parameters.Count > MaxParameters, "parameters", $"must have at most {MaxParameters} keys");
            foreach (var (key, value) in parameters)
            {
                if (!IsParameterKey(key))
                {
                    AddIf(true, $"parameters.{key}", $"key must match [A-Za-z_][A-Za-z0-9_]* and be at most {MaxParameterKeyLength} characters");
                }
                else
                {
                    AddIf(value is null || value.Length > MaxParameterValueLength, $"parameters.{key}",
                        $"must be a string of at most {MaxParameterValueLength} characters");
                }
            }
        }
    }
}
