using FluentValidation;
using Signal.Application.Common.Validation;

namespace Signal.Application.Delivery.ReportDeliveries;

public sealed class ReportDeliveriesValidator : AbstractValidator<ReportDeliveriesCommand>
{
    public const int MaxReports = 1000;
    public const int MaxCodeLength = 100;

    /// <summary>A window may end this far in the future: the processors' clocks are not ours.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public ReportDeliveriesValidator(TimeProvider time)
    {
        RuleFor(c => c.ProcessorId).NotEmpty().WithMessage("is required").AtMost(LengthRules.MaxIdLength);
        RuleFor(c => c.Reports).NotNull().WithMessage("is required")
            .Must(r => r is null || r.Count is > 0 and <= MaxReports).WithMessage($"must hold 1 to {MaxReports} reports");
        RuleFor(c => c.Reports).Must(r => r is null || r.Count > MaxReports || FirstRepeat(r) is null)
            .WithMessage(c => $"repeats a report: reports[{FirstRepeat(c.Reports!)}] has the pipeline_integration_id and window_start of an earlier one");
        When(c => c.Reports is { Count: <= MaxReports }, () =>
            RuleForEach(c => c.Reports).NotNull().WithMessage("is required").SetValidator(new ReportValidator(time)));
    }

    private static int? FirstRepeat(IReadOnlyList<DeliveryReportInput?> reports)
    {
        var seen = new HashSet<(string?, DateTimeOffset?)>();
        for (var i = 0; i < reports.Count; i++)
        {
            if (reports[i] is { } r && !seen.Add((r.PipelineIntegrationId, r.WindowStart?.ToUniversalTime())))
            {
                return i;
            }
        }

        return null;
    }

    private sealed class ReportValidator : AbstractValidator<DeliveryReportInput>
    {
        public ReportValidator(TimeProvider time)
        {
            RuleFor(r => r.PipelineIntegrationId).NotEmpty().WithMessage("is required").AtMost(LengthRules.MaxIdLength);
            RuleFor(r => r.RevisionNumber).NotNull().WithMessage("is required").GreaterThan(0).WithMessage("must be 1 or more");
            RuleFor(r => r.WindowStart).NotNull().WithMessage("is required");
            RuleFor(r => r.WindowEnd).NotNull().WithMessage("is required");
            When(r => r.WindowStart is not null && r.WindowEnd is not null, () => RuleFor(r => r.WindowEnd)
                .Must((r, end) => end > r.WindowStart).WithMessage("must be after window_start")
                .Must((r, end) => end - r.WindowStart <= TimeSpan.FromHours(1)).WithMessage("must be at most 1 hour after window_start")
                .Must(end => end <= time.GetUtcNow() + ClockSkew).WithMessage("must not be in the future"));
            RuleFor(r => r.Delivered).NotNull().WithMessage("is required").GreaterThanOrEqualTo(0).WithMessage("must be 0 or more");
            RuleFor(r => r.Failed).NotNull().WithMessage("is required").GreaterThanOrEqualTo(0).WithMessage("must be 0 or more");
            When(r => r.LastError is not null, () =>
            {
                RuleFor(r => r.LastError!.Code).NotEmpty().WithMessage("is required").AtMost(MaxCodeLength);
                RuleFor(r => r.LastError!.Message).NotNull().WithMessage("is required");
                RuleFor(r => r.LastError!.At).NotNull().WithMessage("is required");
            });
        }
    }
}
