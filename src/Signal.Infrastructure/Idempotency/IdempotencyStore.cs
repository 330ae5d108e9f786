using Dapper;
using Signal.Application.Common.Idempotency;
using Signal.Infrastructure.Persistence;

namespace Signal.Infrastructure.Idempotency;

public sealed class IdempotencyStore(DbSession session, IdempotencySettings settings, TimeProvider time) : IIdempotencyStore
{
    // Two statements in one round trip: under READ COMMITTED the second takes its snapshot after the first has the lock,
    // so it sees a response committed by the request that held the lock before.
    private const string LockAndFindSql = """
        SELECT pg_try_advisory_xact_lock(hashtextextended(@LockName, 0));
        SELECT fingerprint, response_ciphertext AS ResponseCiphertext
        FROM idempotency_keys
        WHERE org_id = @OrgId AND user_id = @UserId AND operation = @Operation AND key = @Key AND created_at > @Since
        """;

    // An expired row that the cleanup job has not deleted yet is replaced.
    private const string SaveSql = """
        INSERT INTO idempotency_keys (org_id, user_id, operation, key, fingerprint, response_ciphertext, created_at)
        VALUES (@OrgId, @UserId, @Operation, @Key, @Fingerprint, @ResponseCiphertext, @Now)
        ON CONFLICT (org_id, user_id, operation, key) DO UPDATE
        SET fingerprint = excluded.fingerprint, response_ciphertext = excluded.response_ciphertext, created_at = excluded.created_at
        """;

    /// <summary>
    /// The advisory lock's name, one per key scope; the lock is a 64-bit hash of it, so a collision can at worst answer
    /// 409 to one of two unrelated requests that run at the same moment.
    /// </summary>
    public static string LockName(IdempotencyKey key) => $"idempotency\n{key.OrgId}\n{key.UserId}\n{key.Operation}\n{key.Key}";

    public async Task<IdempotencyLookup> LockAndFindAsync(IdempotencyKey key, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(LockAndFindSql, new
        {
            LockName = LockName(key),
            key.OrgId,
            key.UserId,
            key.Operation,
            key.Key,
            Since = time.GetUtcNow() - settings.Retention,
        }, session.Transaction, cancellationToken: cancellationToken));
        var locked = await results.ReadSingleAsync<bool>();
        var stored = await results.ReadSingleOrDefaultAsync<StoredResponse>();
        return new IdempotencyLookup(locked, locked ? stored : null);
    }

    public Task SaveAsync(IdempotencyKey key, string fingerprint, string responseCiphertext, CancellationToken cancellationToken) =>
        session.ExecuteAsync(SaveSql, new
        {
            key.OrgId,
            key.UserId,
            key.Operation,
            key.Key,
            Fingerprint = fingerprint,
            ResponseCiphertext = responseCiphertext,
            Now = time.GetUtcNow(),
        }, cancellationToken);
}
