using Mediator;
using Signal.Application.Common.Abstractions;

namespace Signal.Application.Audit.VerifyAuditChain;

/// <summary>Recomputes every hash of the organisation's chain, oldest first, streaming the events (docs/audit.md).</summary>
public sealed class VerifyAuditChainHandler(IAuditEventQueries queries, ICurrentUser user) : IQueryHandler<VerifyAuditChainQuery, AuditChainVerification>
{
    public async ValueTask<AuditChainVerification> Handle(VerifyAuditChainQuery query, CancellationToken cancellationToken)
    {
        // The head first: an event written after it was read is not expected yet, and is not checked.
        var head = await queries.FindHeadAsync(user.OrgId, cancellationToken);
        var (lastSequence, lastHash) = head ?? (0, AuditChain.Genesis);
        long checkedEvents = 0;
        var previousHash = AuditChain.Genesis;
        string? previousId = null;
        await foreach (var e in queries.ReadChainAsync(user.OrgId, cancellationToken))
        {
            if (e.Sequence > lastSequence)
            {
                break;
            }

            var broken = e.Sequence != checkedEvents + 1 ? "sequence_gap"
                : e.PreviousHash != previousHash ? "previous_hash_mismatch"
                : e.Hash != AuditChain.Hash(e.PreviousHash, AuditChain.Canonical(Record(e))) ? "hash_mismatch"
                : null;
            if (broken is not null)
            {
                return new AuditChainVerification(false, checkedEvents, new AuditChainBreak(e.Id, e.Sequence, broken));
            }

            checkedEvents++;
            previousHash = e.Hash;
            previousId = e.Id;
        }

        return checkedEvents == lastSequence && previousHash == lastHash
            ? new AuditChainVerification(true, checkedEvents, FirstBroken: null)
            : new AuditChainVerification(false, checkedEvents, new AuditChainBreak(previousId, checkedEvents, "newest_event_missing"));
    }

    private static AuditRecord Record(AuditEventResponse e) =>
        new(e.Id, e.OrgId, e.Action, e.ResourceType, e.ResourceId, e.ResourceName, e.Actor, e.Changes, e.Context, e.OccurredAt);
}
