using FluentValidation;

namespace Signal.Application.Common.Validation;

public static class DomainRuleFailures
{
    /// <summary>Reports the domain's own rule violations (keyed by JSON path) as validation failures.</summary>
    public static void AddFailures<T>(this ValidationContext<T> context, IReadOnlyDictionary<string, string[]> violations)
    {
        foreach (var (path, messages) in violations)
        {
            foreach (var message in messages)
            {
                context.AddFailure(path, message);
            }
        }
    }

    /// <summary>Reports what the domain's own check of a single value finds wrong with it, under the value's JSON path.</summary>
    public static IRuleBuilderOptionsConditions<T, TProperty> Satisfies<T, TProperty>(
        this IRuleBuilder<T, TProperty> rule, Func<TProperty, string?> problemOf) =>
        rule.Custom((value, context) =>
        {
            if (problemOf(value) is { } problem)
            {
                context.AddFailure(problem);
            }
        });
}
