using System.Text.Json.Nodes;
using Signal.Application.Audit;
using Signal.Application.Audit.ListAuditEvents;
using Signal.Application.Audit.VerifyAuditChain;

namespace Signal.Api.OpenApi;

/// <summary>Examples of the audit bodies: a deploy of revision 3 that also paused the integration, with its real chain hash.</summary>
public static class AuditExamples
{
    public static Dictionary<Type, object> All(DateTimeOffset occurredAt)
    {
        var record = new AuditRecord("evt_01jn5c2e4g6j8m0p2r4t6w8y0a", "org_xyz", "pipeline_integration.updated", "pipeline_integration",
            "pi_01jn41x3z5b7d9f1h3k5m7p9r1", "GA4 - all sites", new AuditActor(AuditActor.User, "user_123", "admin"),
            new JsonObject
            {
                ["enabled"] = new JsonObject { ["old"] = true, ["new"] = false },
                ["revision_id"] = new JsonObject { ["old"] = "rev_01jn2v4x6z8b0d2f4h6k8m0p2r", ["new"] = "rev_01jn3w5y7a9c1e3g5j7m9p1r3t" },
                ["revision_number"] = new JsonObject { ["old"] = 2, ["new"] = 3 },
            },
            new AuditRequestContext("4bf92f3577b34da6a3ce929d0e0e4736", "203.0.113.7", "signal-client/1.4 (+partner-sync)", null, null),
            occurredAt);
        const string previous = "9c1185a5c5e9fc54612808977ee8f548b2258d31f1d0b9a3c1e26a7b3f5c8d20";
        var auditEvent = AuditEventResponse.Of(record, 42, previous, AuditChain.Hash(previous, AuditChain.Canonical(record)));
        return new Dictionary<Type, object>
        {
            [typeof(AuditEventResponse)] = auditEvent,
            [typeof(ListAuditEventsResponse)] = new ListAuditEventsResponse([auditEvent], AuditCursor.Encode(42)),
            [typeof(AuditChainVerification)] = new AuditChainVerification(true, 1284, FirstBroken: null),
        };
    }
}
