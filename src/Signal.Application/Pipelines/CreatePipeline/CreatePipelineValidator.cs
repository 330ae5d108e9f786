using FluentValidation;
using Signal.Application.Common.Validation;

namespace Signal.Application.Pipelines.CreatePipeline;

/// <summary>The pipeline's own rules, reported before any work is done.</summary>
public sealed class CreatePipelineValidator : AbstractValidator<CreatePipelineCommand>
{
    public CreatePipelineValidator() =>
        RuleFor(c => c.Fields).Custom((fields, context) => context.AddFailures(fields.Violations(isNew: true)));
}
