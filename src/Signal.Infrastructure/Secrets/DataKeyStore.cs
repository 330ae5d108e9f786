using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;
using Signal.Domain.Common;

namespace Signal.Infrastructure.Secrets;

/// <summary>
/// One data key per organisation, created on first use and stored wrapped by the active master key. Unwrapped keys are
/// cached for the life of the process (their material never changes; rotation only re-wraps them).
/// </summary>
/// <remarks>
/// A new key is written on its own connection and committed at once, outside the caller's transaction: were it rolled
/// back with a failed command, the cached key would encrypt values that nothing could decrypt later.
/// </remarks>
public sealed class DataKeyStore(NpgsqlDataSource dataSource, MasterKeyRing masterKeys, TimeProvider time)
{
    private const string FindSql = "SELECT id, master_key_id, wrapped_key FROM org_data_keys WHERE org_id = @OrgId";

    private const string InsertSql = """
        INSERT INTO org_data_keys (id, org_id, master_key_id, wrapped_key, created_at)
        VALUES (@Id, @OrgId, @MasterKeyId, @WrappedKey, @CreatedAt)
        ON CONFLICT (org_id) DO NOTHING
        """;

    private readonly ConcurrentDictionary<string, DataKey> _cache = new(StringComparer.Ordinal);

    public async ValueTask<DataKey> GetOrCreateAsync(string orgId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(orgId, out var cached))
        {
            return cached;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await FindAsync(connection, orgId, cancellationToken);
        if (row is null)
        {
            var now = time.GetUtcNow();
            var id = Ids.New("dek", now);
            var material = RandomNumberGenerator.GetBytes(MasterKeyRing.KeySize);
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, new
            {
                Id = id,
                OrgId = orgId,
                MasterKeyId = masterKeys.ActiveKeyId,
                WrappedKey = Wrap(masterKeys.ActiveKey, orgId, id, material),
                CreatedAt = now,
            }, cancellationToken: cancellationToken));

            // Another instance may have won the race; whichever row exists is the org's key.
            row = await FindAsync(connection, orgId, cancellationToken)
                ?? throw new InvalidOperationException($"The data key of {orgId} vanished after it was created.");
        }

        var key = new DataKey(row.Id, Unwrap(masterKeys.Get(row.MasterKeyId), orgId, row.Id, row.WrappedKey));
        return _cache.GetOrAdd(orgId, key);
    }

    internal static byte[] Wrap(byte[] masterKey, string orgId, string dataKeyId, byte[] material) =>
        EnvelopeCipher.Seal(masterKey, WrapContext(orgId, dataKeyId), material);

    internal static byte[] Unwrap(byte[] masterKey, string orgId, string dataKeyId, byte[] wrapped) =>
        EnvelopeCipher.Open(masterKey, WrapContext(orgId, dataKeyId), wrapped);

    // A wrapped key is bound to its org and id: copied to another org's row it does not open.
    private static byte[] WrapContext(string orgId, string dataKeyId) => Encoding.UTF8.GetBytes($"signal:data-key:v1|{orgId}|{dataKeyId}");

    private static Task<DataKeyRow?> FindAsync(NpgsqlConnection connection, string orgId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<DataKeyRow>(new CommandDefinition(FindSql, new { OrgId = orgId }, cancellationToken: cancellationToken));

    private sealed class DataKeyRow
    {
        public required string Id { get; init; }

        public required string MasterKeyId { get; init; }

        public required byte[] WrappedKey { get; init; }
    }
}

/// <summary>An organisation's unwrapped data key.</summary>
public sealed record DataKey(string Id, byte[] Material);
