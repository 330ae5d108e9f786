namespace Signal.Application.Common.Idempotency;

/// <summary>Stored responses of idempotent commands, in the command's own transaction.</summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Locks the key for the rest of the transaction, without waiting, and reads what is stored for it. Not locked means
    /// another request with the same key is still running.
    /// </summary>
    Task<IdempotencyLookup> LockAndFindAsync(IdempotencyKey key, CancellationToken cancellationToken);

    /// <summary>Stores the response; it commits or rolls back with the work.</summary>
    Task SaveAsync(IdempotencyKey key, string fingerprint, string responseCiphertext, CancellationToken cancellationToken);
}

/// <summary>A client's key within its scope: organisation, user and operation.</summary>
public sealed record IdempotencyKey(string OrgId, string UserId, string Operation, string Key);

/// <summary>Whether the key could be locked and, if so, what is stored for it (null before its first success).</summary>
public sealed record IdempotencyLookup(bool Locked, StoredResponse? Stored);

/// <summary>The first request's fingerprint and its response, encrypted (it may hold a new secret).</summary>
public sealed record StoredResponse(string Fingerprint, string ResponseCiphertext);

/// <summary>How long a key is remembered, and how often expired keys are deleted.</summary>
public sealed record IdempotencySettings(TimeSpan Retention, TimeSpan CleanupInterval);
