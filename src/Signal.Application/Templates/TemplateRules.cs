using FluentValidation;
using Signal.Domain.Templates;

namespace Signal.Application.Templates;

/// <summary>Shape rules shared by the template use cases; the domain enforces the same limits as invariants.</summary>
public static class TemplateRules
{
    public static IRuleBuilderOptions<T, string?> ValidTemplateName<T>(this IRuleBuilder<T, string?> rule) => rule
        .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("must not be empty")
        .MaximumLength(Template.MaxNameLength).WithMessage($"must be at most {Template.MaxNameLength} characters");

    public static IRuleBuilderOptions<T, string?> ValidDescription<T>(this IRuleBuilder<T, string?> rule) => rule
        .MaximumLength(Template.MaxDescriptionLength).WithMessage($"must be at most {Template.MaxDescriptionLength} characters");
}
