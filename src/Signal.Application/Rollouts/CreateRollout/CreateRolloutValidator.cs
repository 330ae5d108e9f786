using FluentValidation;
using Signal.Application.Common.Validation;
using Signal.Application.PipelineIntegrations;
using Signal.Domain.Pipelines;
using Signal.Domain.Rollouts;

namespace Signal.Application.Rollouts.CreateRollout;

public sealed class CreateRolloutValidator : AbstractValidator<CreateRolloutCommand>
{
    public const int MaxPipelineIds = 1000;

    public CreateRolloutValidator()
    {
        RuleFor(c => c.IntegrationId).NotEmpty().WithMessage("is required").AtMost(LengthRules.MaxIdLength);
        this.AddRevisionRules(c => c.RevisionId, c => c.RevisionNumber);
        RuleFor(c => c.Selector).NotNull().WithMessage("is required: { \"labels\": [...], \"pipeline_ids\": [...] }, both optional");
        When(c => c.Selector is not null, () =>
        {
            RuleFor(c => c.Selector!.Labels).Must(l => l is null || l.Count <= PipelineRules.MaxLabels)
                .WithMessage($"must hold at most {PipelineRules.MaxLabels} labels");
            RuleForEach(c => c.Selector!.Labels).Must(l => l is not null && PipelineRules.IsLabel(l)).WithMessage(PipelineRules.LabelMessage);
            RuleFor(c => c.Selector!.PipelineIds).Must(ids => ids is null || ids.Count <= MaxPipelineIds)
                .WithMessage($"must hold at most {MaxPipelineIds} pipeline ids");
            RuleForEach(c => c.Selector!.PipelineIds).NotEmpty().WithMessage("is required").AtMost(LengthRules.MaxIdLength);
        });
        When(c => c.Waves is not null, () =>
        {
            RuleForEach(c => c.Waves).Must(w => w?.Percent is not null).WithMessage("needs a percent");
            RuleFor(c => c.Waves).Must(w => w!.Any(wave => wave?.Percent is null) || RolloutRules.AreValidWaves(Percents(w)!))
                .WithMessage(RolloutRules.WavesMessage);
        });
        RuleFor(c => c.BakeMinutes).InclusiveBetween(0, RolloutRules.MaxBakeMinutes)
            .WithMessage($"must be between 0 and {RolloutRules.MaxBakeMinutes}");
        When(c => c.HealthGate is not null, () =>
        {
            RuleFor(c => c.HealthGate!.MaxFailureRate).NotNull().WithMessage("is required")
                .InclusiveBetween(0, 1).WithMessage("must be between 0 and 1");
            RuleFor(c => c.HealthGate!.MinEvents).NotNull().WithMessage("is required")
                .GreaterThanOrEqualTo(1).WithMessage("must be 1 or more");
        });
    }

    /// <summary>The percents of <paramref name="waves"/>, or the default single wave of 100 when none were sent.</summary>
    public static IReadOnlyList<int> Percents(IReadOnlyList<RolloutWaveInput?>? waves) =>
        waves is null ? RolloutRules.DefaultWaves : [.. waves.Select(w => w!.Percent!.Value)];
}
