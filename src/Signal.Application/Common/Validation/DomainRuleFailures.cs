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
}
