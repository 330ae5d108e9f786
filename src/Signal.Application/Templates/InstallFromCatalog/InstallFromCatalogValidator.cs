using FluentValidation;

namespace Signal.Application.Templates.InstallFromCatalog;

public sealed class InstallFromCatalogValidator : AbstractValidator<InstallFromCatalogCommand>
{
    public InstallFromCatalogValidator()
    {
        RuleFor(c => c.Name).ValidTemplateName();
        RuleFor(c => c.Description).ValidDescription();
        RuleFor(c => c.Variant).NotEmpty().MaximumLength(50).When(c => c.Variant is not null);
    }
}
