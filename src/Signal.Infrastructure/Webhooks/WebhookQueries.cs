using System.Text;
using Dapper;
using Signal.Application.Common.Paging;
using Signal.Application.Webhooks;
using Signal.Domain.Common;
using Signal.Domain.Webhooks;
using Signal.Infrastructure.Persistence;

namespace Signal.Infrastructure.Webhooks;

public sealed class WebhookQueries(DbSession session) : IWebhookQueries
{
    private const string FindSql = $"SELECT {WebhookRow.Columns} FROM webhooks w WHERE w.org_id = @OrgId AND w.id = @Id AND w.deleted_at IS NULL";

    private const string CountSql = "SELECT count(*) FROM webhooks w WHERE w.org_id = @OrgId AND w.deleted_at IS NULL";

    private const string PageSql = $"""
        SELECT {WebhookRow.Columns} FROM webhooks w
        WHERE w.org_id = @OrgId AND w.deleted_at IS NULL
        ORDER BY w.created_at DESC, w.id DESC
        LIMIT @Limit OFFSET @Offset
        """;

    public async Task<WebhookResponse?> FindAsync(string orgId, string id, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<WebhookRow>(FindSql, new { OrgId = orgId, Id = id }, cancellationToken);
        return row is null ? null : WebhookResponse.Of(row.ToWebhook());
    }

    public async Task<Page<WebhookResponse>> ListAsync(string orgId, int limit, int offset, CancellationToken cancellationToken)
    {
        var (rows, total) = await session.QueryPageAsync<WebhookRow>(CountSql, PageSql, new { OrgId = orgId, Limit = limit, Offset = offset }, cancellationToken);
        return new Page<WebhookResponse>([.. rows.Select(r => WebhookResponse.Of(r.ToWebhook()))], total);
    }

    public async Task<IReadOnlyList<WebhookDeliveryResponse>?> ListDeliveriesAsync(
        string orgId, string webhookId, DeliveryOutcome? status, string? before, int limit, CancellationToken cancellationToken)
    {
        var where = new StringBuilder("d.org_id = @OrgId AND d.webhook_id = @WebhookId");
        if (status is not null)
        {
            where.Append(" AND d.status = @Status");
        }

        if (before is not null)
        {
            where.Append(" AND d.id < @Before");
        }

        var page = $"SELECT {DeliveryRow.Columns} FROM webhook_deliveries d WHERE {where} ORDER BY d.id DESC LIMIT @Limit";
        var sql = $"""
            SELECT count(*) FROM webhooks w WHERE w.org_id = @OrgId AND w.id = @WebhookId AND w.deleted_at IS NULL;
            {page};
            SELECT {AttemptRow.Columns} FROM webhook_attempts a
            WHERE a.delivery_id IN (SELECT id FROM ({page}) d)
            ORDER BY a.delivery_id, a.number
            """;
        var connection = await session.ConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, new
        {
            OrgId = orgId,
            WebhookId = webhookId,
            Status = status is { } s ? WireNames.Of(s) : null,
            Before = before,
            Limit = limit,
        }, session.Transaction, cancellationToken: cancellationToken));
        if (await results.ReadSingleAsync<long>() == 0)
        {
            return null;
        }

        var deliveries = (await results.ReadAsync<DeliveryRow>()).AsList();
        var attempts = (await results.ReadAsync<AttemptRow>()).ToLookup(a => a.DeliveryId, StringComparer.Ordinal);
        return [.. deliveries.Select(d => d.ToResponse(attempts[d.Id]))];
    }
}
