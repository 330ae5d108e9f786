using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Signal.Api.Auth;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.Pipelines;
using Signal.IntegrationTests.Templates;

namespace Signal.IntegrationTests.Audit;

/// <summary>Reading the audit log: filters, cursor paging, isolation between organisations, the request context.</summary>
public sealed class AuditLogTests(SignalApiFactory factory) : ApiTest(factory)
{
    private const string Pipelines = PipelineApi.PipelinesPath;

    [Fact]
    public async Task TheList_IsNewestFirst_AndEachFilterNarrowsIt()
    {
        var admin = Factory.CreateClient(Org, "admin");
        var alice = Factory.CreateClient(Org, "editor", subject: "user_alice");
        var shop = (await admin.CreatePipelineAsync("""{"name":"Shop"}""")).Id();
        var blog = (await alice.CreatePipelineAsync("""{"name":"Blog"}""")).Id();
        (await alice.PutJsonAsync($"{Pipelines}/{shop}", """{"rate_limit_rps":5}""")).StatusCode.Should().Be(HttpStatusCode.OK);
        await Factory.CreateClient(Org, "editor").CreateTemplateAsync("Analytics");

        var all = (await admin.AuditPageAsync()).Events();
        all.Select(e => e["sequence"]!.GetValue<long>()).Should().BeInDescendingOrder();
        all.Select(e => e["action"]!.GetValue<string>()).Should().Equal(
            "integration_template.created", "pipeline.updated", "pipeline.created", "pipeline.created");

        async Task<List<string>> Actions(string query) =>
            [.. (await admin.AuditPageAsync(query)).Events().Select(e => $"{e["action"]} {e["resource_id"]}")];

        (await Actions($"?resource_id={shop}")).Should().Equal($"pipeline.updated {shop}", $"pipeline.created {shop}");
        (await Actions("?resource_type=pipeline&actor_id=user_alice")).Should().Equal($"pipeline.updated {shop}", $"pipeline.created {blog}");
        (await Actions("?action=pipeline.created")).Should().Equal($"pipeline.created {blog}", $"pipeline.created {shop}");
        (await Actions("?action=pipeline.*")).Should().HaveCount(3);
        (await Actions("?action=integration_template.*")).Should().ContainSingle();

        var newest = DateTimeOffset.Parse(all[0]["occurred_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var since = Uri.EscapeDataString(newest.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        (await Actions($"?since={since}")).Should().HaveCount(1).And.Contain(a => a.StartsWith("integration_template.created", StringComparison.Ordinal));
        (await Actions($"?until={since}")).Should().HaveCount(3);
    }

    [Fact]
    public async Task GettingOneEvent_ByItsId_AndAnotherOrganisationsIsNotFound()
    {
        var admin = Factory.CreateClient(Org, "admin");
        await admin.CreatePipelineAsync("""{"name":"Shop"}""");
        var listed = (await admin.AuditPageAsync()).Events().Single();

        var fetched = await (await admin.GetAsync(new Uri($"{AuditApi.AuditEventsPath}/{listed["id"]}", UriKind.Relative))).ShouldBeAsync(HttpStatusCode.OK);
        fetched.ToJsonString().Should().Be(listed.ToJsonString());

        var other = Factory.CreateClient("org_other", "owner");
        await (await other.GetAsync(new Uri($"{AuditApi.AuditEventsPath}/{listed["id"]}", UriKind.Relative))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        (await other.AuditPageAsync()).Events().Should().BeEmpty("another organisation's history is never visible");
        (await other.AuditPageAsync($"?resource_id={listed["resource_id"]}")).Events().Should().BeEmpty();
    }

    [Fact]
    public async Task CursorPaging_WhileEventsAreWritten_ReadsEveryEarlierEventOnce()
    {
        var admin = Factory.CreateClient(Org, "admin");
        for (var i = 0; i < 23; i++)
        {
            await admin.CreatePipelineAsync($$"""{"name":"Before {{i}}"}""");
        }

        var existing = await Db.QueryAsync<string>("SELECT id FROM audit_events WHERE org_id = @Org ORDER BY sequence DESC", new { Org });
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            var writes = 0;
            while (!stop.IsCancellationRequested)
            {
                await Factory.CreateClient(Org, "editor").CreatePipelineAsync($$"""{"name":"During {{writes++}}"}""");
            }

            return writes;
        });

        var read = new List<string>();
        string? cursor = null;
        do
        {
            var page = await admin.AuditPageAsync("?limit=4" + (cursor is null ? "" : $"&cursor={cursor}"));
            read.AddRange(page.Events().Select(e => e["id"]!.GetValue<string>()));
            cursor = page["next_cursor"]?.GetValue<string>();
            await Task.Delay(20);
        }
        while (cursor is not null);
        await stop.CancelAsync();
        (await writer).Should().BePositive("events were written while the pages were read");

        read.Should().OnlyHaveUniqueItems();
        read.Where(existing.Contains).Should().Equal(existing, "every event that existed when paging began, newest first, none skipped");
    }

    [Theory]
    [InlineData("?limit=0", "limit", "between 1 and 100")]
    [InlineData("?limit=101", "limit", "between 1 and 100")]
    [InlineData("?action=pipeline.renamed", "action", "pipeline.*")]
    [InlineData("?action=pipeline", "action", "pipeline.updated")]
    [InlineData("?resource_type=user", "resource_type", "webhook")]
    [InlineData("?cursor=not-a-cursor", "cursor", "not a cursor this API returned")]
    [InlineData("?since=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z", "until", "later than since")]
    [InlineData("?since=yesterday", "since", "is not valid")]
    public async Task BadQueries_Are400_NamingTheParameter(string query, string field, string message)
    {
        using var response = await Factory.CreateClient(Org, "admin").GetAsync(new Uri(AuditApi.AuditEventsPath + query, UriKind.Relative));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorsFor(field).Should().ContainSingle().Which.Should().Contain(message);
    }

    [Fact]
    public async Task TheContext_RecordsTheClientAsTheTrustedProxySaysIt_TheUserAgentTruncated_AndTheTraceId()
    {
        var token = TestTokens.Mint(Factory.AuthOptions, new TokenRequest("user_test", Org, "admin", null, TimeSpan.FromHours(1)));
        async Task CreateFromAsync(string remote, string forwardedFor, string name)
        {
            var context = await Factory.Server.SendAsync(http =>
            {
                http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
                http.Request.Method = "POST";
                http.Request.Path = Pipelines;
                http.Request.Headers.Authorization = $"Bearer {token}";
                http.Request.Headers["X-Forwarded-For"] = forwardedFor;
                http.Request.Headers.UserAgent = "Partner/1.0 " + new string('x', 400);
                http.Request.ContentType = "application/json";
                http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes($$"""{"name":"{{name}}"}"""));
            });
            context.Response.StatusCode.Should().Be(StatusCodes.Status201Created);
        }

        await CreateFromAsync("127.0.0.1", "203.0.113.7", "Via proxy");
        await CreateFromAsync("198.51.100.20", "203.0.113.99", "Direct");

        var events = (await Factory.CreateClient(Org, "admin").AuditPageAsync()).Events();
        var (direct, viaProxy) = (events[0]["context"]!, events[1]["context"]!);
        viaProxy["ip_address"]!.GetValue<string>().Should().Be("203.0.113.7", "loopback is a trusted proxy");
        direct["ip_address"]!.GetValue<string>().Should().Be("198.51.100.20", "a client that is no known proxy cannot claim another address");
        viaProxy["user_agent"]!.GetValue<string>().Should().HaveLength(256).And.StartWith("Partner/1.0 ");
        viaProxy["trace_id"]!.GetValue<string>().Should().MatchRegex("^[0-9a-f]{32}$");
        viaProxy["idempotency_key"].Should().BeNull();
        viaProxy["rollout_id"].Should().BeNull();
    }

    [Fact]
    public async Task ConcurrentWriters_OfOneOrganisation_GetConsecutiveSequences()
    {
        var editor = Factory.CreateClient(Org, "editor");
        var failures = new ConcurrentBag<HttpStatusCode>();
        await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            using var response = await editor.PostJsonAsync(Pipelines, $$"""{"name":"Parallel {{i}}"}""");
            if (response.StatusCode != HttpStatusCode.Created)
            {
                failures.Add(response.StatusCode);
            }
        }));

        failures.Should().BeEmpty();
        (await Db.QueryAsync<long>("SELECT sequence FROM audit_events WHERE org_id = @Org ORDER BY sequence", new { Org }))
            .Should().Equal(Enumerable.Range(1, 30).Select(i => (long)i));
    }
}
