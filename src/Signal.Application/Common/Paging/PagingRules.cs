using FluentValidation;

namespace Signal.Application.Common.Paging;

/// <summary>Offset paging: <c>limit</c> 1..100 (default 50), <c>offset</c> ≥ 0.</summary>
public static class PagingRules
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    public static void AddPagingRules<T>(this AbstractValidator<T> validator, Func<T, int> limit, Func<T, int> offset)
    {
        validator.RuleFor(q => limit(q)).InclusiveBetween(1, MaxLimit).OverridePropertyName("limit")
            .WithMessage($"must be between 1 and {MaxLimit}");
        validator.RuleFor(q => offset(q)).GreaterThanOrEqualTo(0).OverridePropertyName("offset")
            .WithMessage("must be 0 or more");
    }
}
