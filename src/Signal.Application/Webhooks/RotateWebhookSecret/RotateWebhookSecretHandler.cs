using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.Webhooks.RotateWebhookSecret;

public sealed class RotateWebhookSecretHandler(IWebhookRepository webhooks, ISecretProtector protector, ICurrentUser user, TimeProvider time)
    : ICommandHandler<RotateWebhookSecretCommand, WebhookWithSecretResponse>
{
    public async ValueTask<WebhookWithSecretResponse> Handle(RotateWebhookSecretCommand command, CancellationToken cancellationToken)
    {
        var webhook = await webhooks.FindForUpdateAsync(user.OrgId, command.Id, cancellationToken)
            ?? throw new NotFoundException("Webhook", command.Id);
        var secret = WebhookSecret.Generate();
        var ciphertext = await protector.ProtectAsync(new SecretScope(user.OrgId, webhook.Id, WebhookSecret.FieldName), secret, cancellationToken);
        webhook.RotateSecret(ciphertext, time.GetUtcNow());
        await webhooks.SaveAsync(webhook, cancellationToken);
        return WebhookWithSecretResponse.Of(webhook, secret);
    }
}
