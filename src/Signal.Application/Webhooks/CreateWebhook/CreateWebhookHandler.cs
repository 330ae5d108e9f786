using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Domain.Common;
using Signal.Domain.Webhooks;

namespace Signal.Application.Webhooks.CreateWebhook;

public sealed class CreateWebhookHandler(
    IWebhookRepository webhooks, ISecretProtector protector, ICurrentUser user, WebhookSettings settings, TimeProvider time)
    : ICommandHandler<CreateWebhookCommand, WebhookWithSecretResponse>
{
    public async ValueTask<WebhookWithSecretResponse> Handle(CreateWebhookCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var id = Ids.New(Webhook.IdPrefix, now);
        var secret = WebhookSecret.Generate();
        var ciphertext = await protector.ProtectAsync(new SecretScope(user.OrgId, id, WebhookSecret.FieldName), secret, cancellationToken);
        var webhook = Webhook.Create(id, user.OrgId, command.Fields, ciphertext, settings.AllowHttp, now);
        await webhooks.AddAsync(webhook, cancellationToken);
        return WebhookWithSecretResponse.Of(webhook, secret);
    }
}
