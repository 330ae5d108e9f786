using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Signal.Domain.Common;

namespace Signal.Application.Audit;

/// <summary>
/// Each organisation's audit events form a hash chain (docs/audit.md): an event's hash is the SHA-256, in lowercase
/// hex, of its predecessor's hash followed by the event's canonical JSON; the first event's predecessor hash is 64
/// zeros. The canonical JSON is the event as the API shows it, without <c>sequence</c>, <c>previous_hash</c> and
/// <c>hash</c>, in RFC 8785 form. Changing, removing or reordering an event breaks every hash after it.
/// </summary>
public static class AuditChain
{
    public static readonly string Genesis = new('0', 64);

    /// <summary>The member that holds an event's time, which is never earlier than the time of the event before it.</summary>
    public const string OccurredAt = "occurred_at";

    /// <summary>The canonical JSON of <paramref name="record"/>: what its hash covers.</summary>
    public static string Canonical(AuditRecord record) => CanonicalJson.Of(Document(record));

    /// <summary><paramref name="record"/> as the API shows it, by wire names, without its place in the chain.</summary>
    public static JsonObject Document(AuditRecord record) => new()
    {
        ["id"] = record.Id,
        ["org_id"] = record.OrgId,
        ["action"] = record.Action,
        ["resource_type"] = record.ResourceType,
        ["resource_id"] = record.ResourceId,
        ["resource_name"] = record.ResourceName,
        ["actor"] = new JsonObject { ["type"] = record.Actor.Type, ["id"] = record.Actor.Id, ["role"] = record.Actor.Role },
        ["changes"] = record.Changes.DeepClone(),
        ["context"] = new JsonObject
        {
            ["trace_id"] = record.Context.TraceId,
            ["ip_address"] = record.Context.IpAddress,
            ["user_agent"] = record.Context.UserAgent,
            ["idempotency_key"] = record.Context.IdempotencyKey,
            ["rollout_id"] = record.Context.RolloutId,
        },
        [OccurredAt] = WireNames.Of(record.OccurredAt),
    };

    /// <summary>The hash of an event whose canonical JSON is <paramref name="canonical"/>, following <paramref name="previousHash"/>.</summary>
    public static string Hash(string previousHash, string canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + canonical)));
}
