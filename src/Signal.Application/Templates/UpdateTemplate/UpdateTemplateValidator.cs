using FluentValidation;

namespace Signal.Application.Templates.UpdateTemplate;

public sealed class UpdateTemplateValidator : AbstractValidator<UpdateTemplateCommand>
{
    public UpdateTemplateValidator()
    {
        RuleFor(c => c.Name).ValidTemplateName().When(c => c.Name is not null);
        RuleFor(c => c.Description).ValidDescription();
        RuleFor(c => c)
            .Must(c => c.Name is not null || c.Description is not null)
            .OverridePropertyName("body")
            .WithMessage("send name and/or description; nothing else of a template can be changed");
    }
}
