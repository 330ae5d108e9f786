using FluentValidation;
using Signal.Application.Common.Paging;

namespace Signal.Application.Webhooks.ListWebhooks;

public sealed class ListWebhooksValidator : AbstractValidator<ListWebhooksQuery>
{
    public ListWebhooksValidator() => this.AddPagingRules(q => q.Limit, q => q.Offset);
}
