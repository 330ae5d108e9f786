using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Signal.Domain.Common;
using Signal.Infrastructure.Persistence;

namespace Signal.Infrastructure.Secrets;

/// <summary>
/// One data key per organisation, created on first use and stored wrapped by the active master key. Unwrapped keys are
/// cached for the life of the process (their material never changes; rotation only re-wraps them).
/// </summary>
/// <remarks>
/// The key is read — and, for a new organisation, created — on the caller's own connection and in its transaction, so
/// a command that already holds a pooled connection (and perhaps a row lock) never waits for a second one: when more
/// commands than the pool has connections arrive at once, a second connection is what they would all wait for. A key
/// enters the cache only once the transaction that read it has committed: a key created by a command that then fails is
/// rolled back with it and never cached, and the values it sealed are rolled back too.
/// </remarks>
public sealed class DataKeyStore(MasterKeyRing masterKeys, TimeProvider time)
{
    // The insert waits for a concurrent creator of the same org's key and then does nothing; the select, a statement
    // of its own, takes a new snapshot and so sees that creator's committed key, or the one this transaction inserted.
    private const string InsertAndFindSql = """
        INSERT INTO org_data_keys (id, org_id, master_key_id, wrapped_key, created_at)
        VALUES (@Id, @OrgId, @MasterKeyId, @WrappedKey, @CreatedAt)
        ON CONFLICT (org_id) DO NOTHING;
        SELECT id, master_key_id, wrapped_key FROM org_data_keys WHERE org_id = @OrgId
        """;

    private readonly ConcurrentDictionary<string, DataKey> _cache = new(StringComparer.Ordinal);

    public async ValueTask<DataKey> GetOrCreateAsync(DbSession session, string orgId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(orgId, out var cached))
        {
            return cached;
        }

        var now = time.GetUtcNow();
        var id = Ids.New("dek", now);
        var material = RandomNumberGenerator.GetBytes(MasterKeyRing.KeySize);
        var rows = await session.QueryLastAsync<DataKeyRow>(InsertAndFindSql, new
        {
            Id = id,
            OrgId = orgId,
            MasterKeyId = masterKeys.ActiveKeyId,
            WrappedKey = Wrap(masterKeys.ActiveKey, orgId, id, material),
            CreatedAt = now,
        }, cancellationToken);
        var row = rows.Single();

        var key = new DataKey(row.Id, Unwrap(masterKeys.Get(row.MasterKeyId), orgId, row.Id, row.WrappedKey));
        session.AfterCommit(() => _cache.TryAdd(orgId, key));
        return key;
    }

    internal static byte[] Wrap(byte[] masterKey, string orgId, string dataKeyId, byte[] material) =>
        EnvelopeCipher.Seal(masterKey, WrapContext(orgId, dataKeyId), material);

    internal static byte[] Unwrap(byte[] masterKey, string orgId, string dataKeyId, byte[] wrapped) =>
        EnvelopeCipher.Open(masterKey, WrapContext(orgId, dataKeyId), wrapped);

    // A wrapped key is bound to its org and id: copied to another org's row it does not open.
    private static byte[] WrapContext(string orgId, string dataKeyId) => Encoding.UTF8.GetBytes($"signal:data-key:v1|{orgId}|{dataKeyId}");

    private sealed class DataKeyRow
    {
        public required string Id { get; init; }

        public required string MasterKeyId { get; init; }

        public required byte[] WrappedKey { get; init; }
    }
}

/// <summary>An organisation's unwrapped data key.</summary>
public sealed record DataKey(string Id, byte[] Material);
