namespace Signal.Application.Audit;

/// <summary>Reads of the audit log, always scoped by organisation.</summary>
public interface IAuditEventQueries
{
    /// <summary>The events that match, newest first (highest sequence first), at most <see cref="AuditEventFilter.Limit"/>.</summary>
    Task<IReadOnlyList<AuditEventResponse>> ListAsync(string orgId, AuditEventFilter filter, CancellationToken cancellationToken);

    Task<AuditEventResponse?> FindAsync(string orgId, string id, CancellationToken cancellationToken);

    /// <summary>Every event of the organisation in chain order (oldest first), read as they are needed.</summary>
    IAsyncEnumerable<AuditEventResponse> ReadChainAsync(string orgId, CancellationToken cancellationToken);

    /// <summary>The organisation's chain head: the last sequence and hash written, or null before its first event.</summary>
    Task<(long LastSequence, string LastHash)?> FindHeadAsync(string orgId, CancellationToken cancellationToken);
}

/// <summary>
/// List filters; they combine with AND. <see cref="Action"/> is an action or <c>group.*</c>; <see cref="BeforeSequence"/>
/// is where the previous page ended (from the cursor).
/// </summary>
public sealed record AuditEventFilter(
    string? ResourceType,
    string? ResourceId,
    string? ActorId,
    string? Action,
    DateTimeOffset? Since,
    DateTimeOffset? Until,
    long? BeforeSequence,
    int Limit);
