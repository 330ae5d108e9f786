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

    /// <summary>Finds every reference; group 1 is the key.</summary>
    public static Regex Pattern => Any();

    [GeneratedRegex(@"^\{\{pipeline_param\.[A-Za-z_][A-Za-z0-9_]*\}\}$")]
    private static partial Regex Exact();

    [GeneratedRegex(@"\{\{pipeline_param\.([A-Za-z_][A-Za-z0-9_]*)\}\}")]
    private static partial Regex Any();
}
