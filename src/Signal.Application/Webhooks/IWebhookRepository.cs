using Signal.Domain.Webhooks;

namespace Signal.Application.Webhooks;

/// <summary>Loads and saves subscriptions inside the command's transaction.</summary>
public interface IWebhookRepository
{
    Task AddAsync(Webhook webhook, CancellationToken cancellationToken);

    /// <summary>The org's live subscription, row-locked until the transaction ends.</summary>
    Task<Webhook?> FindForUpdateAsync(string orgId, string id, CancellationToken cancellationToken);

    Task SaveAsync(Webhook webhook, CancellationToken cancellationToken);
}
