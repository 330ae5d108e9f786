using FluentValidation;
using Signal.Application.Templates.GetRevision;

namespace Signal.Application.Templates.DiffRevisions;

public sealed class DiffRevisionsValidator : AbstractValidator<DiffRevisionsQuery>
{
    public DiffRevisionsValidator()
    {
        RuleFor(q => q.Revision).ValidRevisionSelector("rev");
        RuleFor(q => q.Against!).ValidRevisionSelector("against").When(q => q.Against is not null);
        RuleFor(q => q.Against).NotEqual(q => q.Revision).WithMessage("must name another revision than rev");
    }
}
