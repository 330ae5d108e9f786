using Mediator;
using Signal.Application.Common.Paging;

namespace Signal.Application.Webhooks.ListWebhooks;

/// <summary>The organisation's subscriptions, newest first.</summary>
public sealed record ListWebhooksQuery(int Limit = PagingRules.DefaultLimit, int Offset = 0) : IQuery<ListWebhooksResponse>;

public sealed record ListWebhooksResponse(IReadOnlyList<WebhookResponse> Webhooks, int Total, int Limit, int Offset);
