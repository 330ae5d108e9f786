using FluentValidation;
using Signal.Application.Common.Abstractions;

namespace Signal.Application.Templates.CreateTemplate;

public sealed class CreateTemplateValidator : AbstractValidator<CreateTemplateCommand>
{
    public CreateTemplateValidator(IIntegrationCatalog catalog)
    {
        RuleFor(c => c.Name).ValidTemplateName();
        RuleFor(c => c.Description).ValidDescription();
        RuleFor(c => c.Vendor)
            .Must(v => v is not null && catalog.Find(v) is not null)
            .WithMessage("must be a vendor key of the integration catalog (GET /v1/admin/integration-catalog)");
    }
}
