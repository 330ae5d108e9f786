using FluentValidation;
using Signal.Application.Common.Validation;
using Signal.Domain.Templates;

namespace Signal.Application.Templates.CreateRevision;

public sealed class CreateRevisionValidator : AbstractValidator<CreateRevisionCommand>
{
    public CreateRevisionValidator()
    {
        RuleFor(c => c.Config).NotNull().WithMessage("is required");
        RuleFor(c => c.ChangeSummary).Satisfies(Template.ChangeSummaryProblem);
    }
}
