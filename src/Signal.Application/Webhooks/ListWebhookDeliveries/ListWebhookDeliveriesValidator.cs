using FluentValidation;
using Signal.Application.Common.Paging;

namespace Signal.Application.Webhooks.ListWebhookDeliveries;

public sealed class ListWebhookDeliveriesValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, PagingRules.MaxLimit).WithMessage($"must be between 1 and {PagingRules.MaxLimit}");
        RuleFor(q => q.Cursor).Must(c => c is null || DeliveryCursor.TryDecode(c, out _))
            .WithMessage("is not a cursor this API returned; start again without it");
    }
}
