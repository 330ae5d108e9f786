using FluentValidation;
using Signal.Application.Common.Validation;

namespace Signal.Application.PipelineIntegrations.AssignIntegration;

public sealed class AssignIntegrationValidator : AbstractValidator<AssignIntegrationCommand>
{
    public AssignIntegrationValidator()
    {
        RuleFor(c => c.IntegrationId).NotEmpty().WithMessage("is required").AtMost(LengthRules.MaxIdLength);
        this.AddRevisionRules(c => c.RevisionId, c => c.RevisionNumber);
    }
}
