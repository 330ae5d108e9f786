using Mediator;

namespace Signal.Application.Audit.VerifyAuditChain;

public sealed record VerifyAuditChainQuery : IQuery<AuditChainVerification>;

/// <summary>
/// Whether the organisation's chain is intact. <c>events</c> is the number of events checked and found sound — all of
/// them when <c>verified</c> is true; otherwise <c>first_broken</c> is the first event that does not match.
/// </summary>
public sealed record AuditChainVerification(bool Verified, long Events, AuditChainBreak? FirstBroken);

/// <summary>
/// Where the chain breaks and why: <c>hash_mismatch</c> (the event is not what was hashed: changed),
/// <c>previous_hash_mismatch</c> (it does not follow the event before it: one was removed, inserted or reordered),
/// <c>sequence_gap</c> (a sequence number is missing), <c>newest_event_missing</c> (the chain ends before the last
/// event written; <c>id</c> is then the last event that remains, or null).
/// </summary>
public sealed record AuditChainBreak(string? Id, long Sequence, string Reason);
