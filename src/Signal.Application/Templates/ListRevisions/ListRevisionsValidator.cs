using FluentValidation;
using Signal.Application.Common.Paging;

namespace Signal.Application.Templates.ListRevisions;

public sealed class ListRevisionsValidator : AbstractValidator<ListRevisionsQuery>
{
    public ListRevisionsValidator() => this.AddPagingRules(q => q.Limit, q => q.Offset);
}
