using FluentValidation;
using Signal.Application.Common.Validation;

namespace Signal.Application.Webhooks.CreateWebhook;

public sealed class CreateWebhookValidator : AbstractValidator<CreateWebhookCommand>
{
    public CreateWebhookValidator(WebhookSettings settings) =>
        RuleFor(c => c.Fields).Custom((fields, context) => context.AddFailures(fields.Violations(isNew: true, settings.AllowHttp)));
}
