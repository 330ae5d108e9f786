using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.Webhooks.DeleteWebhook;

public sealed class DeleteWebhookHandler(IWebhookRepository webhooks, ICurrentUser user, TimeProvider time)
    : ICommandHandler<DeleteWebhookCommand, DeleteWebhookResponse>
{
    public async ValueTask<DeleteWebhookResponse> Handle(DeleteWebhookCommand command, CancellationToken cancellationToken)
    {
        var webhook = await webhooks.FindForUpdateAsync(user.OrgId, command.Id, cancellationToken)
            ?? throw new NotFoundException("Webhook", command.Id);
        webhook.Delete(time.GetUtcNow());
        await webhooks.SaveAsync(webhook, cancellationToken);
        return new DeleteWebhookResponse("deleted");
    }
}
