using FluentValidation;
using Signal.Domain.Pipelines;

namespace Signal.Application.Pipelines;

/// <summary>
/// SPEC §7's validation of every pipeline field that is sent, each failure keyed by its JSON path. The domain enforces
/// the same rules (<see cref="PipelineRules"/>) as invariants.
/// </summary>
public abstract class PipelineFieldRules<T> : AbstractValidator<T>
    where T : IPipelineFields
{
    protected PipelineFieldRules()
    {
        RuleFor(f => f.Name)
            .Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= PipelineRules.MaxNameLength && !n.Any(char.IsControl))
            .When(f => f.Name is not null)
            .WithMessage($"must be 1 to {PipelineRules.MaxNameLength} characters without control characters");
        RuleFor(f => f.Slug).Must(s => PipelineRules.IsSlug(s!)).When(f => f.Slug is not null)
            .WithMessage($"must be lowercase letters and digits separated by single hyphens, at most {PipelineRules.MaxSlugLength} characters");
        RuleFor(f => f.RateLimitRps).InclusiveBetween(PipelineRules.MinRateLimit, PipelineRules.MaxRateLimit)
            .When(f => f.RateLimitRps is not null)
            .WithMessage($"must be between {PipelineRules.MinRateLimit} and {PipelineRules.MaxRateLimit}");

        RuleFor(f => f.DomainAllowlist!.Count).LessThanOrEqualTo(PipelineRules.MaxDomains).OverridePropertyName("domain_allowlist")
            .When(f => f.DomainAllowlist is not null).WithMessage($"must have at most {PipelineRules.MaxDomains} entries");
        RuleForEach(f => f.DomainAllowlist).Must(h => h is not null && PipelineRules.IsHostPattern(h.Trim().ToLowerInvariant()))
            .WithMessage((_, host) => $"'{host}' must be a host name of at most {PipelineRules.MaxHostLength} characters (optionally starting with *.)");

        RuleFor(f => f.Labels!.Count).LessThanOrEqualTo(PipelineRules.MaxLabels).OverridePropertyName("labels")
            .When(f => f.Labels is not null).WithMessage($"must have at most {PipelineRules.MaxLabels} labels");
        RuleForEach(f => f.Labels).Must(l => l is not null && PipelineRules.IsLabel(l))
            .WithMessage($"must be 1 to {PipelineRules.MaxLabelLength} characters without whitespace");

        RuleFor(f => f.Parameters!.Count).LessThanOrEqualTo(PipelineRules.MaxParameters).OverridePropertyName("parameters")
            .When(f => f.Parameters is not null).WithMessage($"must have at most {PipelineRules.MaxParameters} keys");
        RuleFor(f => f.Parameters).Custom((parameters, context) =>
        {
            foreach (var (key, value) in parameters ?? new Dictionary<string, string>())
            {
                if (!PipelineRules.IsParameterKey(key))
                {
                    context.AddFailure($"parameters.{key}", $"key must match [A-Za-z_][A-Za-z0-9_]* and be at most {PipelineRules.MaxParameterKeyLength} characters");
                }
                else if (value is null || value.Length > PipelineRules.MaxParameterValueLength)
                {
                    context.AddFailure($"parameters.{key}", $"must be a string of at most {PipelineRules.MaxParameterValueLength} characters");
                }
            }
        });

        When(f => f.JsBuilderConfig is not null, () =>
        {
            RuleFor(f => f.JsBuilderConfig!.ScriptFilename).Must(n => PipelineRules.IsScriptFilename(n!))
                .When(f => f.JsBuilderConfig!.ScriptFilename is not null)
                .WithMessage($"must be a plain file name ending in .js, at most {PipelineRules.MaxScriptFilenameLength} characters");
            RuleFor(f => f.JsBuilderConfig!.GlobalVariable).Must(v => PipelineRules.IsGlobalVariable(v!))
                .When(f => f.JsBuilderConfig!.GlobalVariable is not null)
                .WithMessage($"must be a JavaScript identifier of at most {PipelineRules.MaxGlobalVariableLength} characters that is not a reserved word");
        });

        When(f => f.IdentityConfig?.CrossDomainDomains is not null, () =>
        {
            RuleFor(f => f.IdentityConfig!.CrossDomainDomains!.Count).LessThanOrEqualTo(PipelineRules.MaxDomains)
                .OverridePropertyName("identity_config.cross_domain_domains")
                .WithMessage($"must have at most {PipelineRules.MaxDomains} entries");
            RuleForEach(f => f.IdentityConfig!.CrossDomainDomains)
                .Must(h => h is not null && PipelineRules.IsHostPattern(h.Trim().ToLowerInvariant()))
                .WithMessage((_, host) => $"'{host}' must be a host name of at most {PipelineRules.MaxHostLength} characters (optionally starting with *.)");
        });
    }
}
