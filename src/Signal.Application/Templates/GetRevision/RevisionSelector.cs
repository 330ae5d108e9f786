using System.Globalization;
using FluentValidation;
using Signal.Domain.Templates;

namespace Signal.Application.Templates.GetRevision;

/// <summary>The <c>{rev}</c> path segment: a positive revision number or a <c>rev_</c> id.</summary>
public static class RevisionSelector
{
    public static bool TryParse(string text, out int? number, out string? id)
    {
        number = null;
        id = null;
        if (text.StartsWith(Revision.IdPrefix + "_", StringComparison.Ordinal))
        {
            id = text;
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
        {
            number = parsed;
            return true;
        }

        return false;
    }

    /// <summary>The value must be a revision selector; failures are reported under <paramref name="parameter"/>.</summary>
    public static IRuleBuilderOptions<T, string> ValidRevisionSelector<T>(this IRuleBuilder<T, string> rule, string parameter) => rule
        .Must(r => TryParse(r, out _, out _))
        .OverridePropertyName(parameter)
        .WithMessage("must be a revision number (1, 2, …) or a revision id (rev_…)");
}
