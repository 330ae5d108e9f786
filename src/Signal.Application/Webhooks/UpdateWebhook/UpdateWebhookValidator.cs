using FluentValidation;
using Signal.Application.Common.Validation;

namespace Signal.Application.Webhooks.UpdateWebhook;

public sealed class UpdateWebhookValidator : AbstractValidator<UpdateWebhookCommand>
{
    public UpdateWebhookValidator(WebhookSettings settings) =>
        RuleFor(c => c.Fields).Custom((fields, context) => context.AddFailures(fields.Violations(isNew: false, settings.AllowHttp)));
}
