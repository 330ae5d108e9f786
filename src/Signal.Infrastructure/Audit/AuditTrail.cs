using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;
using Signal.Application.Audit;
using Signal.Application.Common.Abstractions;
using Signal.Domain.Audit;
using Signal.Domain.Common;

namespace Signal.Infrastructure.Audit;

/// <summary>
/// Turns the changes aggregates recorded into audit events — actor and request context from <see cref="IAuditContext"/>,
/// the rollout from the change itself — and into the statements that append them to their organisation's hash chain. The session sends those statements
/// with the command's next write, so the events commit or roll back with the change.
/// </summary>
public sealed class AuditTrail(IAuditContext context)
{
    // Two statements per organisation, neither returning rows (they ride along with a write's own result). The first
    // makes sure the organisation has a chain head; the second locks it — FOR UPDATE returns the newest committed head
    // even when another writer committed after this statement began — chains the events from it, inserts them and
    // moves the head. The head's lock, held to commit, orders concurrent writers of one organisation.
    // Each event is also queued for every enabled webhook whose events name its action or its resource (`pipeline.*`):
    // the outbox fills in the statement that appends, so a delivery exists exactly when its event does, at no extra
    // round trip. Its id (the webhook-id header) is the event's id and a digest of the webhook's: stable for both.
    // An event's time is its change's, but never earlier than the event before it: a write that made its change first
    // and committed second would otherwise break the chain's time order, which time filters rely on. The database
    // therefore supplies occurred_at to the canonical JSON it hashes, formatted as the API shows it.
    private const string AppendSql = """
        INSERT INTO audit_chain_heads (org_id, last_sequence, last_hash) VALUES (@AuditOrg{0}, 0, @AuditGenesis)
        ON CONFLICT (org_id) DO NOTHING;
        WITH RECURSIVE
        head AS (SELECT last_sequence, last_hash, last_occurred_at FROM audit_chain_heads WHERE org_id = @AuditOrg{0} FOR UPDATE),
        input AS (SELECT e.value AS event, e.ordinality AS position FROM jsonb_array_elements(@AuditEvents{0}::jsonb) WITH ORDINALITY AS e),
        chain AS (
            SELECT 0::bigint AS position, last_sequence AS sequence, NULL::text AS previous_hash, last_hash AS hash,
                   last_occurred_at AS occurred_at
            FROM head
            UNION ALL
            SELECT i.position, c.sequence + 1, c.hash, encode(sha256(convert_to(
                       c.hash || (i.event ->> 'canonical_before') || to_json(audit_wire_timestamp(t.occurred_at))::text || (i.event ->> 'canonical_after'),
                       'UTF8')), 'hex'),
                   t.occurred_at
            FROM chain c JOIN input i ON i.position = c.position + 1
            CROSS JOIN LATERAL (SELECT GREATEST((i.event ->> 'occurred_at')::timestamptz, c.occurred_at) AS occurred_at) t),
        inserted AS (
            INSERT INTO audit_events (id, org_id, sequence, action, resource_type, resource_id, resource_name,
                                      actor_type, actor_id, actor_role, changes, context, occurred_at, previous_hash, hash)
            SELECT i.event ->> 'id', @AuditOrg{0}, c.sequence, i.event ->> 'action', i.event ->> 'resource_type',
                   i.event ->> 'resource_id', i.event ->> 'resource_name', i.event -> 'actor' ->> 'type',
                   i.event -> 'actor' ->> 'id', i.event -> 'actor' ->> 'role', i.event -> 'changes', i.event -> 'context',
                   c.occurred_at, c.previous_hash, c.hash
            FROM chain c JOIN input i ON i.position = c.position),
        queued AS (
            INSERT INTO webhook_deliveries (id, org_id, webhook_id, event_id, event_type, status, next_attempt_at, created_at)
            SELECT 'msg_' || substr(i.event ->> 'id', 5) || substr(md5(w.id), 1, 8), @AuditOrg{0}, w.id, i.event ->> 'id',
                   i.event ->> 'action', 'pending', c.occurred_at, c.occurred_at
            FROM chain c JOIN input i ON i.position = c.position
            JOIN webhooks w ON w.org_id = @AuditOrg{0} AND w.enabled AND w.deleted_at IS NULL
                 AND w.events && ARRAY[i.event ->> 'action', split_part(i.event ->> 'action', '.', 1) || '.*'])
        UPDATE audit_chain_heads h SET last_sequence = newest.sequence, last_hash = newest.hash, last_occurred_at = newest.occurred_at
        FROM (SELECT sequence, hash, occurred_at FROM chain ORDER BY position DESC LIMIT 1) newest
        WHERE h.org_id = @AuditOrg{0}
        """;

    /// <summary>The statements that append <paramref name="changes"/> as audit events, and their parameters.</summary>
    public (string Sql, DynamicParameters Parameters) Append(IReadOnlyList<RecordedChange> changes)
    {
        var parameters = new DynamicParameters();
        parameters.Add("AuditGenesis", AuditChain.Genesis);
        var statements = new List<string>();
        foreach (var (org, index) in changes.GroupBy(c => c.OrgId, StringComparer.Ordinal).Select((g, i) => (g, i)))
        {
            var events = new JsonArray([.. org.Select(change => (JsonNode)ParameterOf(RecordOf(change)))]);
            parameters.Add($"AuditOrg{index}", org.Key);
            parameters.Add($"AuditEvents{index}", events.ToJsonString());
            statements.Add(AppendSql.Replace("{0}", index.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        return (string.Join(";\n", statements), parameters);
    }

    private AuditRecord RecordOf(RecordedChange change)
    {
        var changes = new JsonObject();
        foreach (var leaf in change.Changes)
        {
            changes[leaf.Path] = new JsonObject { ["old"] = leaf.Old?.DeepClone(), ["new"] = leaf.New?.DeepClone() };
        }

        // PostgreSQL keeps microseconds: the hashed timestamp must be the one that is stored and read back.
        var occurredAt = new DateTimeOffset(change.OccurredAt.UtcTicks - (change.OccurredAt.UtcTicks % 10), TimeSpan.Zero);
        return new AuditRecord(Ids.New("evt", occurredAt), change.OrgId, change.Action, change.ResourceType, change.ResourceId,
            change.ResourceName, context.Actor, changes, context.Request with { RolloutId = change.RolloutId }, occurredAt);
    }

    // The event as the API shows it, and the canonical form its hash covers around the time the database supplies.
    private static JsonObject ParameterOf(AuditRecord record)
    {
        var document = AuditChain.Document(record);
        var (before, after) = CanonicalJson.Around(document, AuditChain.OccurredAt);
        document["canonical_before"] = before;
        document["canonical_after"] = after;
        return document;
    }
}
