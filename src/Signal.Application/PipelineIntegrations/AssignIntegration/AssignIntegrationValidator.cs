using FluentValidation;

namespace Signal.Application.PipelineIntegrations.AssignIntegration;

public sealed class AssignIntegrationValidator : AbstractValidator<AssignIntegrationCommand>
{
    public AssignIntegrationValidator()
    {
        RuleFor(c => c.IntegrationId).NotEmpty().WithMessage("is required");
        this.AddRevisionRules(c => c.RevisionId, c => c.RevisionNumber);
    }
}
