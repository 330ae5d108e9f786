using FluentValidation;
using Signal.Application.Common.Validation;
using Signal.Domain.Templates;

namespace Signal.Application.Templates;

/// <summary>The template rules the use cases check up front; each is the domain's own (<see cref="Template"/>).</summary>
public static class TemplateRules
{
    public static IRuleBuilderOptionsConditions<T, string?> ValidTemplateName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Satisfies(Template.NameProblem);

    public static IRuleBuilderOptionsConditions<T, string?> ValidDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Satisfies(Template.DescriptionProblem);
}
