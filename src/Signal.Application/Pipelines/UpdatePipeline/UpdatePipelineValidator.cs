using FluentValidation;
using Signal.Application.Common.Validation;

namespace Signal.Application.Pipelines.UpdatePipeline;

/// <summary>The pipeline's own rules, reported before the row is locked.</summary>
public sealed class UpdatePipelineValidator : AbstractValidator<UpdatePipelineCommand>
{
    public UpdatePipelineValidator() =>
        RuleFor(c => c.Fields).Custom((fields, context) => context.AddFailures(fields.Violations(isNew: false)));
}
