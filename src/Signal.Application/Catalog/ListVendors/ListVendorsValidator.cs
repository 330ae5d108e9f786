using FluentValidation;
using Signal.Application.Common.Validation;

namespace Signal.Application.Catalog.ListVendors;

/// <summary>Category and status are enums: the API binds them, and refuses unknown values, before this runs.</summary>
public sealed class ListVendorsValidator : AbstractValidator<ListVendorsQuery>
{
    public ListVendorsValidator() => RuleFor(q => q.Search).AtMost(200);
}
