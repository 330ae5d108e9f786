using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.Webhooks.UpdateWebhook;

public sealed class UpdateWebhookHandler(
    IWebhookRepository webhooks, ICurrentUser user, IEntityTags entityTags, WebhookSettings settings, TimeProvider time)
    : ICommandHandler<UpdateWebhookCommand, WebhookResponse>
{
    public async ValueTask<WebhookResponse> Handle(UpdateWebhookCommand command, CancellationToken cancellationToken)
    {
        var webhook = await webhooks.FindForUpdateAsync(user.OrgId, command.Id, cancellationToken)
            ?? throw new NotFoundException("Webhook", command.Id);
        entityTags.EnsureMatches(command.IfMatch, WebhookResponse.Of(webhook), "webhook");
        webhook.Change(command.Fields, settings.AllowHttp, time.GetUtcNow());
        await webhooks.SaveAsync(webhook, cancellationToken);
        return WebhookResponse.Of(webhook);
    }
}
