using FluentValidation;

namespace Signal.Application.Common.Validation;

public static class LengthRules
{
    /// <summary>The longest id any resource has (prefix + 26 characters) with room to spare; longer cannot be an id.</summary>
    public const int MaxIdLength = 100;

    /// <summary>A length cap whose message names the limit (FluentValidation's default names the .NET property).</summary>
    public static IRuleBuilderOptions<T, string?> AtMost<T>(this IRuleBuilder<T, string?> rule, int maxLength) => rule
        .MaximumLength(maxLength).WithMessage($"must be at most {maxLength} characters");
}
