using FluentValidation;
using Signal.Application.Common;
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

    public static IRuleBuilderOptions<T, string?> ValidDeliveryMode<T>(this IRuleBuilder<T, string?> rule) => rule
        .Must(m => WireNames.TryParse<DeliveryMode>(m, out _))
        .WithMessage($"must be one of: {string.Join(", ", WireNames.All<DeliveryMode>())}");

    public static DeliveryMode ParseDeliveryMode(string? text) =>
        WireNames.TryParse<DeliveryMode>(text, out var mode) ? mode : DeliveryMode.ServerSide;
}
