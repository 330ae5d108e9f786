using FluentValidation;
using Signal.Domain.Templates;

namespace Signal.Application.Templates.CreateRevision;

public sealed class CreateRevisionValidator : AbstractValidator<CreateRevisionCommand>
{
    public CreateRevisionValidator()
    {
        RuleFor(c => c.Config).NotNull().WithMessage("is required");
        RuleFor(c => c.ChangeSummary).MaximumLength(Template.MaxChangeSummaryLength)
            .WithMessage($"must be at most {Template.MaxChangeSummaryLength} characters");
    }
}
