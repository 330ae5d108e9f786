using System.Net;
using System.Text.Json.Nodes;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Audit;

public static class AuditApi
{
    public const string AuditEventsPath = "/v1/admin/audit-events";

    /// <summary>One page of the audit list for <paramref name="query"/> (e.g. <c>?limit=10</c>).</summary>
    public static async Task<JsonNode> AuditPageAsync(this HttpClient admin, string query = "") =>
        await (await admin.GetAsync(new Uri(AuditEventsPath + query, UriKind.Relative))).ShouldBeAsync(HttpStatusCode.OK);

    /// <summary>The events of a page, newest first.</summary>
    public static List<JsonNode> Events(this JsonNode page) => [.. page["audit_events"]!.AsArray().Select(e => e!)];

    /// <summary>The organisation's last sequence number so far (0 before its first event).</summary>
    public static Task<long> LastSequenceAsync(string orgId) =>
        Db.ScalarAsync<long>("SELECT coalesce(max(sequence), 0) FROM audit_events WHERE org_id = @OrgId", new { OrgId = orgId });

    /// <summary>The events written after <paramref name="sequence"/>, oldest first, as the API shows them.</summary>
    public static async Task<List<JsonNode>> EventsAfterAsync(this HttpClient admin, long sequence)
    {
        var events = (await admin.AuditPageAsync("?limit=100")).Events();
        return [.. events.Where(e => e["sequence"]!.GetValue<long>() > sequence).Reverse()];
    }

    public static async Task<JsonNode> VerifyAsync(this HttpClient owner) =>
        await (await owner.GetAsync(new Uri(AuditEventsPath + "/verify", UriKind.Relative))).ShouldBeAsync(HttpStatusCode.OK);
}
