using Dapper;
using Npgsql;

namespace Signal.Infrastructure.Secrets;

/// <summary>
/// Master-key rotation: after a new key is configured and made active, re-wraps every org data key still wrapped by an
/// older one, in one transaction. Ciphertexts do not change (they name the data key, not the master key).
/// </summary>
public sealed class DataKeyRewrapper(NpgsqlDataSource dataSource, MasterKeyRing masterKeys, TimeProvider time)
{
    private const string SelectSql = """
        SELECT id, org_id, master_key_id, wrapped_key FROM org_data_keys
        WHERE master_key_id <> @Active ORDER BY id FOR UPDATE
        """;

    private const string UpdateSql = """
        UPDATE org_data_keys SET master_key_id = @Active, wrapped_key = @WrappedKey, rewrapped_at = @Now WHERE id = @Id
        """;

    /// <summary>Returns how many data keys were re-wrapped.</summary>
    public async Task<int> RewrapAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
            SelectSql, new { Active = masterKeys.ActiveKeyId }, transaction, cancellationToken: cancellationToken))).AsList();
        var now = time.GetUtcNow();
        foreach (var row in rows)
        {
            var material = DataKeyStore.Unwrap(masterKeys.Get(row.MasterKeyId), row.OrgId, row.Id, row.WrappedKey);
            await connection.ExecuteAsync(new CommandDefinition(UpdateSql, new
            {
                Active = masterKeys.ActiveKeyId,
                WrappedKey = DataKeyStore.Wrap(masterKeys.ActiveKey, row.OrgId, row.Id, material),
                Now = now,
                row.Id,
            }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    private sealed class Row
    {
        public required string Id { get; init; }

        public required string OrgId { get; init; }

        public required string MasterKeyId { get; init; }

        public required byte[] WrappedKey { get; init; }
    }
}
