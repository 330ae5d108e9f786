using FluentValidation;

namespace Signal.Application.PipelineIntegrations.UpdateAssignment;

public sealed class UpdateAssignmentValidator : AbstractValidator<UpdateAssignmentCommand>
{
    public UpdateAssignmentValidator()
    {
        this.AddRevisionRules(c => c.RevisionId, c => c.RevisionNumber);
        RuleFor(c => c).Must(c => c.RevisionId is not null || c.RevisionNumber is not null || c.Enabled is not null)
            .OverridePropertyName("body").WithMessage("send revision_id, revision_number and/or enabled");
    }
}
