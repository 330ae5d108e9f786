using FluentValidation;
using Signal.Application.Common;
using Signal.Domain.Catalog;

namespace Signal.Application.Catalog.ListVendors;

public sealed class ListVendorsValidator : AbstractValidator<ListVendorsQuery>
{
    public ListVendorsValidator()
    {
        RuleFor(q => q.Category)
            .Must(c => WireNames.TryParse<VendorCategory>(c, out _))
            .When(q => q.Category is not null)
            .WithMessage($"must be one of: {string.Join(", ", WireNames.All<VendorCategory>())}");

        RuleFor(q => q.Status)
            .Must(s => WireNames.TryParse<VendorStatus>(s, out _))
            .When(q => q.Status is not null)
            .WithMessage($"must be one of: {string.Join(", ", WireNames.All<VendorStatus>())}");

        RuleFor(q => q.Search).MaximumLength(200);
    }
}
