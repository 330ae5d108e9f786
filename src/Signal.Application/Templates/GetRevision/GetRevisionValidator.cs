using FluentValidation;

namespace Signal.Application.Templates.GetRevision;

public sealed class GetRevisionValidator : AbstractValidator<GetRevisionQuery>
{
    public GetRevisionValidator() =>
        RuleFor(q => q.Revision)
            .Must(r => RevisionSelector.TryParse(r, out _, out _))
            .OverridePropertyName("rev")
            .WithMessage("must be a revision number (1, 2, …) or a revision id (rev_…)");
}
