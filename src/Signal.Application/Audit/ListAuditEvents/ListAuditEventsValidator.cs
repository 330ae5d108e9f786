using FluentValidation;
using Signal.Application.Common.Paging;
using Signal.Domain.Audit;

namespace Signal.Application.Audit.ListAuditEvents;

public sealed class ListAuditEventsValidator : AbstractValidator<ListAuditEventsQuery>
{
    public const int MaxIdLength = 255;

    public ListAuditEventsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, PagingRules.MaxLimit).WithMessage($"must be between 1 and {PagingRules.MaxLimit}");
        RuleFor(q => q.ResourceType).Must(t => t is null || ResourceTypes.All.Contains(t))
            .WithMessage($"must be one of: {string.Join(", ", ResourceTypes.All)}");
        RuleFor(q => q.Action).Must(a => a is null || AuditActions.Patterns.Contains(a))
            .WithMessage($"must be one of: {string.Join(", ", AuditActions.Patterns)}");
        RuleFor(q => q.ResourceId).MaximumLength(MaxIdLength).WithMessage($"must be at most {MaxIdLength} characters");
        RuleFor(q => q.ActorId).MaximumLength(MaxIdLength).WithMessage($"must be at most {MaxIdLength} characters");
        RuleFor(q => q.Until).Must((q, until) => q.Since is null || until is null || q.Since < until)
            .WithMessage("must be later than since");
        RuleFor(q => q.Cursor).Must(c => c is null || AuditCursor.TryDecode(c, out _))
            .WithMessage("is not a cursor this API returned; start again without it");
    }
}
