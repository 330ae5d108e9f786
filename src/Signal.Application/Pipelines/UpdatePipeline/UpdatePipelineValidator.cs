namespace Signal.Application.Pipelines.UpdatePipeline;

public sealed class UpdatePipelineValidator : PipelineFieldRules<UpdatePipelineCommand>;
