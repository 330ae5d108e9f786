using FluentValidation;

namespace Signal.Application.PipelineIntegrations;

public static class PipelineIntegrationRules
{
    /// <summary>At most one of <c>revision_id</c> and <c>revision_number</c>; a number is 1 or more.</summary>
    public static void AddRevisionRules<T>(this AbstractValidator<T> validator, Func<T, string?> revisionId, Func<T, int?> revisionNumber)
    {
        validator.RuleFor(c => revisionNumber(c)).GreaterThan(0).OverridePropertyName("revision_number")
            .When(c => revisionNumber(c) is not null).WithMessage("must be 1 or more");
        validator.RuleFor(c => c).Must(c => revisionId(c) is null || revisionNumber(c) is null).OverridePropertyName("revision_id")
            .WithMessage("send revision_id or revision_number, not both");
    }
}
