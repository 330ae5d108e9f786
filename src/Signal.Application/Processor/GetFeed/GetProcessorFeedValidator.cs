using FluentValidation;

namespace Signal.Application.Processor.GetFeed;

public sealed class GetProcessorFeedValidator : AbstractValidator<GetProcessorFeedQuery>
{
    public GetProcessorFeedValidator() =>
        RuleFor(q => q.Since).GreaterThanOrEqualTo(0).When(q => q.Since is not null).WithMessage("must be a version the feed returned (0 or more)");
}
