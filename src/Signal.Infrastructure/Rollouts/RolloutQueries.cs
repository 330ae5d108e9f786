using System.Text;
using Dapper;
using Signal.Application.Common.Paging;
using Signal.Application.Rollouts;
using Signal.Application.Rollouts.ListRollouts;
using Signal.Domain.Common;
using Signal.Infrastructure.Persistence;

namespace Signal.Infrastructure.Rollouts;

/// <summary>
/// Rollouts for display: the page (or the one rollout) and all of its waves, targets and deliveries in one round trip —
/// the parts select their rollouts with the page's own index-backed statement.
/// </summary>
public sealed class RolloutQueries(DbSession session) : IRolloutQueries
{
    private static readonly string FindSql = RolloutSql.Rollouts("ro.org_id = @OrgId AND ro.id = @Id") + ";\n" + RolloutSql.Parts("@Id");

    public async Task<RolloutResponse?> FindAsync(string orgId, string id, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            FindSql, new { OrgId = orgId, Id = id }, session.Transaction, cancellationToken: cancellationToken));
        var found = await RolloutSql.ReadAsync(results);
        return found.Count == 0 ? null : RolloutResponse.Of(found[0].Rollout, found[0].Deliveries);
    }

    public async Task<Page<RolloutResponse>> ListAsync(string orgId, ListRolloutsQuery query, CancellationToken cancellationToken)
    {
        var where = new StringBuilder("org_id = @OrgId");
        if (query.Status is not null)
        {
            where.Append(" AND status = @Status");
        }

        if (query.IntegrationId is not null)
        {
            where.Append(" AND integration_id = @IntegrationId");
        }

        var page = $"SELECT id FROM rollouts WHERE {where} ORDER BY created_at DESC, id DESC LIMIT @Limit OFFSET @Offset";
        var sql = $"SELECT count(*) FROM rollouts WHERE {where};\n{RolloutSql.Rollouts($"ro.id IN ({page})")};\n{RolloutSql.Parts(page)}";
        var connection = await session.ConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, new
        {
            OrgId = orgId,
            Status = query.Status is { } status ? WireNames.Of(status) : null,
            query.IntegrationId,
            query.Limit,
            query.Offset,
        }, session.Transaction, cancellationToken: cancellationToken));
        var total = await results.ReadSingleAsync<long>();
        var rollouts = await RolloutSql.ReadAsync(results);
        return new Page<RolloutResponse>([.. rollouts.Select(r => RolloutResponse.Of(r.Rollout, r.Deliveries))], (int)total);
    }
}
