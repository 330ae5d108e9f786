using FluentValidation;
using Signal.Application.Common.Paging;
using Signal.Application.Common.Validation;

namespace Signal.Application.Rollouts.ListRollouts;

public sealed class ListRolloutsValidator : AbstractValidator<ListRolloutsQuery>
{
    public ListRolloutsValidator()
    {
        this.AddPagingRules(q => q.Limit, q => q.Offset);
        RuleFor(q => q.IntegrationId).AtMost(LengthRules.MaxIdLength);
    }
}
