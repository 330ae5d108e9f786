using Mediator;
using Signal.Application.Common.Abstractions;
using Signal.Application.Common.Errors;

namespace Signal.Application.Webhooks.GetWebhook;

public sealed class GetWebhookHandler(IWebhookQueries queries, ICurrentUser user) : IQueryHandler<GetWebhookQuery, WebhookResponse>
{
    public async ValueTask<WebhookResponse> Handle(GetWebhookQuery query, CancellationToken cancellationToken) =>
        await queries.FindAsync(user.OrgId, query.Id, cancellationToken) ?? throw new NotFoundException("Webhook", query.Id);
}
