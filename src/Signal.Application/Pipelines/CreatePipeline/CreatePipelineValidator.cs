using FluentValidation;

namespace Signal.Application.Pipelines.CreatePipeline;

public sealed class CreatePipelineValidator : PipelineFieldRules<CreatePipelineCommand>
{
    public CreatePipelineValidator() => RuleFor(c => c.Name).NotNull().WithMessage("is required");
}
