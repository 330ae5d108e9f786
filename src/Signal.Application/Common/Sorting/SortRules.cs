using FluentValidation;

namespace Signal.Application.Common.Sorting;

public static class SortRules
{
    public static void AddSortRule<T>(this AbstractValidator<T> validator, Func<T, string?> sort) =>
        validator.RuleFor(q => sort(q)).Must(s => ListSort.TryParse(s, out _)).OverridePropertyName("sort")
            .WithMessage($"must be one of {ListSort.AcceptedText}");
}
