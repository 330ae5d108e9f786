using System.Text.RegularExpressions;

namespace Signal.Domain.Parameters;

/// <summary>
/// <c>{{pipeline_param.KEY}}</c>: a placeholder in a revision config that each pipeline fills from its own
/// <c>parameters</c> (KEY = <c>[A-Za-z_][A-Za-z0-9_]*</c>).
/// </summary>
public static partial class ParameterReference
{
    /// <summary>True when <paramref name="value"/> is one reference and nothing else.</summary>
    public static bool IsExactly(string value) => Exact().IsMatch(value);

    /// <summary>True when <paramref name="value"/> holds at least one reference.</summary>
    public static bool Contains(string value) => value.Contains("{{pipeline_param.", StringComparison.Ordinal) && Any().IsMatch(value);

    [GeneratedRegex(@"^\{\{pipeline_param\.[A-Za-z_][A-Za-z0-9_]*\}\}$")]
    private static partial Regex Exact();

    [GeneratedRegex(@"\{\{pipeline_param\.[A-Za-z_][A-Za-z0-9_]*\}\}")]
    private static partial Regex Any();
}
