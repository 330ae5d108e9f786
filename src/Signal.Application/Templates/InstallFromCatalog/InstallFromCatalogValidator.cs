using FluentValidation;
using Signal.Application.Common.Validation;

namespace Signal.Application.Templates.InstallFromCatalog;

public sealed class InstallFromCatalogValidator : AbstractValidator<InstallFromCatalogCommand>
{
    private const int MaxVariantLength = 50;

    public InstallFromCatalogValidator()
    {
        RuleFor(c => c.Name).ValidTemplateName();
        RuleFor(c => c.Description).ValidDescription();
        RuleFor(c => c.Variant).NotEmpty().AtMost(MaxVariantLength).When(c => c.Variant is not null);
    }
}
