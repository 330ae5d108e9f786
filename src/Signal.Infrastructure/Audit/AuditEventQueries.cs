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
    /// index of its filter newest first and stops after the page. A chain is in time order (an event is never earlier
    /// than the one before it), so a time range is a range of sequence numbers: the filter's index is walked from the
    /// range's end and stops at its start, however far back the range lies.
    /// </summary>
    public static string ListSql(AuditEventFilter filter)
    {
        var sql = new StringBuilder($"SELECT {AuditEventRow.Columns} FROM audit_events e WHERE e.org_id = @OrgId");
        AppendIf(sql, filter.ResourceType is not null, "e.resource_type = @ResourceType");
        AppendIf(sql, filter.ResourceId is not null, "e.resource_id = @ResourceId");
        AppendIf(sql, filter.ActorId is not null, "e.actor_id = @ActorId");
        AppendIf(sql, GroupOf(filter) is not null, "e.action_group = @Group");
        AppendIf(sql, filter.Action is not null && GroupOf(filter) is null, "e.action = @Action");
        AppendIf(sql, filter.Since is not null, $"e.sequence >= {FirstSequenceAtOrAfter("@Since")}");
        AppendIf(sql, filter.Until is not null, $"e.sequence < COALESCE({FirstSequenceAtOrAfter("@Until")}, {long.MaxValue})");
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

    // The first event at or after a time, in one probe of the (org_id, occurred_at, sequence) index; NULL when none is.
    private static string FirstSequenceAtOrAfter(string time) =>
        $"(SELECT t.sequence FROM audit_events t WHERE t.org_id = @OrgId AND t.occurred_at >= {time} ORDER BY t.occurred_at, t.sequence LIMIT 1)";

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
