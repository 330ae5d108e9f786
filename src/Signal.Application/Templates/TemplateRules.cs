using FluentValidation;
using Signal.Application.Common.Validation;
using Signal.Domain.Templates;

namespace Signal.Application.Templates;

/// <summary>Shape rules shared by the template use cases; the domain enforces the same limits as invariants.</summary>
public static class TemplateRules
{
    public static IRuleBuilderOptions<T, string?> ValidTemplateName<T>(this IRuleBuilder<T, string?> rule) => rule
        .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("must not be empty")
        .AtMost(Template.MaxNameLength);

    public static IRuleBuilderOptions<T, string?> ValidDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.AtMost(Template.MaxDescriptionLength);
}
