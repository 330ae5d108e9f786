using FluentValidation;

namespace Signal.Application.Templates.GetRevision;

public sealed class GetRevisionValidator : AbstractValidator<GetRevisionQuery>
{
    public GetRevisionValidator() => RuleFor(q => q.Revision).ValidRevisionSelector("rev");
}
