using FluentValidation;
using Signal.Application.Common.Paging;
using Signal.Application.Common.Sorting;
using Signal.Application.Common.Validation;
using Signal.Domain.Pipelines;

namespace Signal.Application.Pipelines.ListPipelines;

public sealed class ListPipelinesValidator : AbstractValidator<ListPipelinesQuery>
{
    public ListPipelinesValidator()
    {
        this.AddPagingRules(q => q.Limit, q => q.Offset);
        this.AddSortRule(q => q.Sort);
        RuleFor(q => q.Search).AtMost(PipelineRules.MaxNameLength);
        RuleFor(q => q.Labels.Count).LessThanOrEqualTo(PipelineRules.MaxLabels).OverridePropertyName("label")
            .WithMessage($"must have at most {PipelineRules.MaxLabels} labels");
        RuleForEach(q => q.Labels).Must(l => l is not null && PipelineRules.IsLabel(l)).OverridePropertyName("label")
            .WithMessage($"must be 1 to {PipelineRules.MaxLabelLength} characters without whitespace");
    }
}
