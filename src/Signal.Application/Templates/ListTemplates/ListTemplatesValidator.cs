using FluentValidation;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Paging;
using Signal.Application.Common.Sorting;
using Signal.Application.Common.Validation;

namespace Signal.Application.Templates.ListTemplates;

public sealed class ListTemplatesValidator : AbstractValidator<ListTemplatesQuery>
{
    public ListTemplatesValidator(IIntegrationCatalog catalog)
    {
        this.AddPagingRules(q => q.Limit, q => q.Offset);
        this.AddSortRule(q => q.Sort);
        RuleFor(q => q.Search).AtMost(Domain.Templates.Template.MaxNameLength);
        RuleFor(q => q.Vendor)
            .Must(v => catalog.Find(v!) is not null)
            .When(q => q.Vendor is not null)
            .WithMessage("must be a vendor key of the integration catalog");
    }
}
