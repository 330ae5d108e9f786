using FluentValidation;

namespace Signal.Application.PipelineIntegrations.UpdatePipelineIntegration;

public sealed class UpdatePipelineIntegrationValidator : AbstractValidator<UpdatePipelineIntegrationCommand>
{
    public UpdatePipelineIntegrationValidator()
    {
        this.AddRevisionRules(c => c.RevisionId, c => c.RevisionNumber);
        RuleFor(c => c).Must(c => c.RevisionId is not null || c.RevisionNumber is not null || c.Enabled is not null)
            .OverridePropertyName("body").WithMessage("send revision_id, revision_number and/or enabled");
    }
}
