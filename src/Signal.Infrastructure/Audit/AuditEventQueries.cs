using System.Runtime.CompilerServices;
using System.Text;
using Dapper;
using Signal.Application.Audit;
using Signal.Domain.Audit;
using Signal.Infrastructure.Persistence;

namespace Signal.Infrastructure.Audit;

public sealed class AuditEventQueries(DbSession session) : IAuditEventQueries
{
    private const string FindSql = $"SELECT {AuditEventRow.Columns} FROM audit_events e WHERE e.org_id = @OrgId AND e.id = @Id";

    private const string ChainSql = $"SELECT {AuditEventRow.Columns} FROM audit_events e WHERE e.org_id = @OrgId ORDER BY e.sequence";

    private const string HeadSql = "SELECT last_sequence, last_hash FROM audit_chain_heads WHERE org_id = @OrgId";

    public async Task<IReadOnlyList<AuditEventResponse>> ListAsync(string orgId, AuditEventFilter filter, CancellationToken cancellationToken)
    {
        var rows = await session.QueryAsync<AuditEventRow>(ListSql(filter), ListParameters(orgId, filter), cancellationToken);
        return rows.Select(r => r.ToResponse()).ToList();
    }

    /// <summary>
    /// The list's statement: only the filters given become conditions, so that each list gets a plan that walks the
    /// index of its filter newest first and stops after the page.
    /// </summary>
    public static string ListSql(AuditEventFilter filter)
    {
        var sql = new StringBuilder($"SELECT {AuditEventRow.Columns} FROM audit_events e WHERE e.org_id = @OrgId");
        AppendIf(sql, filter.ResourceType is not null, "e.resource_type = @ResourceType");
        AppendIf(sql, filter.ResourceId is not null, "e.resource_id = @ResourceId");
        AppendIf(sql, filter.ActorId is not null, "e.actor_id = @ActorId");
        AppendIf(sql, GroupOf(filter) is not null, "e.action_group = @Group");
        AppendIf(sql, filter.Action is not null && GroupOf(filter) is null, "e.action = @Action");
        AppendIf(sql, filter.Since is not null, "e.occurred_at >= @Since");
        AppendIf(sql, filter.Until is not null, "e.occurred_at < @Until");
        AppendIf(sql, filter.BeforeSequence is not null, "e.sequence < @BeforeSequence");
        return sql.Append(" ORDER BY e.sequence DESC LIMIT @Limit").ToString();
    }

    public static object ListParameters(string orgId, AuditEventFilter filter) => new
    {
        OrgId = orgId,
        filter.ResourceType,
        filter.ResourceId,
        filter.ActorId,
        Group = GroupOf(filter),
        filter.Action,
        filter.Since,
        filter.Until,
        filter.BeforeSequence,
        filter.Limit,
    };

    public async Task<AuditEventResponse?> FindAsync(string orgId, string id, CancellationToken cancellationToken) =>
        (await session.QuerySingleOrDefaultAsync<AuditEventRow>(FindSql, new { OrgId = orgId, Id = id }, cancellationToken))?.ToResponse();

    public async IAsyncEnumerable<AuditEventResponse> ReadChainAsync(string orgId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = connection.QueryUnbufferedAsync<AuditEventRow>(ChainSql, new { OrgId = orgId }, session.Transaction);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row.ToResponse();
        }
    }

    public async Task<(long LastSequence, string LastHash)?> FindHeadAsync(string orgId, CancellationToken cancellationToken)
    {
        var head = await session.QuerySingleOrDefaultAsync<ChainHeadRow>(HeadSql, new { OrgId = orgId }, cancellationToken);
        return head is null ? null : (head.LastSequence, head.LastHash);
    }

    // `pipeline.*` is every action of the group `pipeline`, matched through the action_group column's index.
    private static string? GroupOf(AuditEventFilter filter) =>
        filter.Action?.EndsWith(AuditActions.Wildcard, StringComparison.Ordinal) == true ? filter.Action[..^AuditActions.Wildcard.Length] : null;

    private static void AppendIf(StringBuilder sql, bool condition, string predicate)
    {
        if (condition)
        {
            sql.Append(" AND ").Append(predicate);
        }
    }

    private sealed class ChainHeadRow
    {
        public long LastSequence { get; init; }

        public required string LastHash { get; init; }
    }
}
