using FluentValidation;
using Signal.Application.Common.Paging;
using Signal.Application.Common.Validation;

namespace Signal.Application.Delivery.ListDeliveryHealth;

public sealed class ListDeliveryHealthValidator : AbstractValidator<ListDeliveryHealthQuery>
{
    public ListDeliveryHealthValidator()
    {
        this.AddPagingRules(q => q.Limit, q => q.Offset);
        RuleFor(q => q.PipelineId).AtMost(LengthRules.MaxIdLength);
        RuleFor(q => q.IntegrationId).AtMost(LengthRules.MaxIdLength);
    }
}
