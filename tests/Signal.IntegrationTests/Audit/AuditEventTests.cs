using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.Pipelines;
using Signal.IntegrationTests.Templates;

namespace Signal.IntegrationTests.Audit;

/// <summary>
/// Every write endpoint appends exactly one audit event — its action, its resource, the caller as actor, only the fields
/// that changed — and a write that fails appends none.
/// </summary>
public sealed class AuditEventTests(SignalApiFactory factory) : ApiTest(factory)
{
    private const string Meta = "/v1/admin/integration-catalog/meta_capi/install";
    private const string Templates = TemplateApi.TemplatesPath;
    private const string Pipelines = PipelineApi.PipelinesPath;

    /// <summary>
    /// Each write: method, path and body (with <see cref="Placeholders"/>), the action, the resource type, the resource
    /// (a placeholder, or "created": the id the response returns), and changes the event must show exactly — every
    /// path of the event's changes, with its old and new value (a value of "*" only has to be present).
    /// </summary>
    private static readonly Dictionary<string, Write> Writes = new()
    {
        ["install"] = new("POST", Meta, """{"name":"Meta","config":{"pixel_id":"123","access_token":"EAAB-token-9876"}}""",
            "catalog.installed", "integration_template", "created",
            """
            {"name":{"old":null,"new":"Meta"},"vendor":{"old":null,"new":"meta_capi"},
             "catalog_vendor_key":{"old":null,"new":"meta_capi"},"catalog_variant_key":{"old":null,"new":"default"},
             "revision_id":{"old":null,"new":"*"},"revision_number":{"old":null,"new":1},
             "config.pixel_id":{"old":null,"new":"123"},"config.access_token":{"old":null,"new":"••••9876"},
             "config.hash_pii":{"old":null,"new":true},"config.batch_size":{"old":null,"new":100},
             "delivery_mode":{"old":null,"new":"server_side"},"change_summary":{"old":null,"new":"*"}}
            """),
        ["create template"] = new("POST", Templates, """{"name":"Webhook","vendor":"webhook"}""",
            "integration_template.created", "integration_template", "created",
            """{"name":{"old":null,"new":"Webhook"},"vendor":{"old":null,"new":"webhook"}}"""),
        ["update template"] = new("PUT", $"{Templates}/{{template}}", """{"name":"GA4 renamed","description":"Shared"}""",
            "integration_template.updated", "integration_template", "template",
            """{"name":{"old":"GA4 assigned","new":"GA4 renamed"},"description":{"old":null,"new":"Shared"}}"""),
        ["delete template"] = new("DELETE", $"{Templates}/{{spare}}", null, "integration_template.deleted", "integration_template", "spare", "{}"),
        ["create revision"] = new("POST", $"{Templates}/{{template}}/revisions",
            """{"config":{"measurement_id":"G-2","api_secret":"secret-value-5678"},"delivery_mode":"server_side","change_summary":"G-2"}""",
            "integration_revision.created", "integration_revision", "created",
            """
            {"integration_id":{"old":null,"new":"*"},"revision_number":{"old":null,"new":2},
             "config.measurement_id":{"old":null,"new":"G-2"},"config.api_secret":{"old":null,"new":"••••5678"},
             "delivery_mode":{"old":null,"new":"server_side"},"change_summary":{"old":null,"new":"G-2"}}
            """, Partial: true),
        ["create pipeline"] = new("POST", Pipelines, """{"name":"Shop","labels":["env:prod"]}""", "pipeline.created", "pipeline", "created",
            """{"name":{"old":null,"new":"Shop"},"slug":{"old":null,"new":"shop"},"labels":{"old":null,"new":["env:prod"]},"pipeline_key_secret_prefix":{"old":null,"new":"*"}}""",
            Partial: true),
        ["update pipeline"] = new("PUT", $"{Pipelines}/{{pipeline}}", """{"rate_limit_rps":10,"labels":["a"],"name":"Guarded"}""",
            "pipeline.updated", "pipeline", "pipeline",
            """{"rate_limit_rps":{"old":1000,"new":10},"labels":{"old":[],"new":["a"]}}"""),
        ["delete pipeline"] = new("DELETE", $"{Pipelines}/{{pipeline}}", null, "pipeline.deleted", "pipeline", "pipeline", "{}"),
        ["rotate secret"] = new("POST", $"{Pipelines}/{{pipeline}}/rotate-secret", null, "pipeline.secret_rotated", "pipeline", "pipeline",
            """{"pipeline_key_secret_prefix":{"old":"*","new":"*"}}"""),
        ["issue challenge token"] = new("POST", $"{Pipelines}/{{pipeline}}/tokens", null, "pipeline.challenge_token_issued", "pipeline", "pipeline", "{}"),
        ["request collector build"] = new("POST", $"{Pipelines}/{{pipeline}}/collector/build", null,
            "pipeline.collector_build_requested", "pipeline", "pipeline", "{}"),
        ["assign"] = new("POST", $"{Pipelines}/{{pipeline}}/integrations", """{"integration_id":"{spare}","enabled":false}""",
            "pipeline_integration.created", "pipeline_integration", "created",
            """
            {"pipeline_id":{"old":null,"new":"*"},"integration_id":{"old":null,"new":"*"},"revision_id":{"old":null,"new":"*"},
             "revision_number":{"old":null,"new":1},"enabled":{"old":null,"new":false}}
            """),
        ["pause assignment"] = new("PUT", $"{Pipelines}/{{pipeline}}/integrations/{{assignment}}", """{"enabled":false}""",
            "pipeline_integration.updated", "pipeline_integration", "assignment", """{"enabled":{"old":true,"new":false}}"""),
        ["remove assignment"] = new("DELETE", $"{Pipelines}/{{pipeline}}/integrations/{{assignment}}", null,
            "pipeline_integration.deleted", "pipeline_integration", "assignment", "{}"),
    };

    public static TheoryData<string> WriteNames() => [.. Writes.Keys];

    [Theory]
    [MemberData(nameof(WriteNames))]
    public async Task EachWrite_AppendsExactlyOneEvent_WithItsAction_Actor_AndChangedFields(string name)
    {
        var write = Writes[name];
        var editor = Factory.CreateClient(Org, "editor");
        var admin = Factory.CreateClient(Org, "admin");
        var values = await Placeholders.ArrangeAsync(editor, write.Path + write.Body);
        var before = await AuditApi.LastSequenceAsync(Org);

        using var response = await admin.SendJsonAsync(write.Method, Placeholders.Fill(write.Path, values), Placeholders.Fill(write.Body, values));
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
        var body = await response.ReadNodeAsync();

        var events = await admin.EventsAfterAsync(before);
        events.Should().ContainSingle($"{name} changes one resource");
        var recorded = events[0];
        recorded["action"]!.GetValue<string>().Should().Be(write.Action);
        recorded["resource_type"]!.GetValue<string>().Should().Be(write.ResourceType);
        var resourceId = write.Resource == "created"
            ? (body["template"] ?? body)["id"]!.GetValue<string>()
            : values[write.Resource];
        recorded["resource_id"]!.GetValue<string>().Should().Be(resourceId);
        recorded["org_id"]!.GetValue<string>().Should().Be(Org);
        recorded["actor"]!.ToJsonString().Should().Be("""{"type":"user","id":"user_test","role":"admin"}""");
        recorded["id"]!.GetValue<string>().Should().StartWith("evt_");
        ShouldMatch(recorded["changes"]!.AsObject(), JsonNode.Parse(write.Changes)!.AsObject(), write.Partial);
    }

    [Fact]
    public async Task AnUpdateThatChangesNothing_RecordsNothing()
    {
        var admin = Factory.CreateClient(Org, "admin");
        var pipeline = (await admin.CreatePipelineAsync("""{"name":"Same","rate_limit_rps":50}""")).Id();
        var before = await AuditApi.LastSequenceAsync(Org);

        (await admin.PutJsonAsync($"{Pipelines}/{pipeline}", """{"rate_limit_rps":50,"name":"Same"}""")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await admin.EventsAfterAsync(before)).Should().BeEmpty();
    }

    [Fact]
    public async Task FailedWrites_AppendNoEvent()
    {
        var admin = Factory.CreateClient(Org, "admin");
        var pipeline = (await admin.CreatePipelineAsync("""{"name":"Taken","slug":"taken"}""")).Id();
        var template = (await admin.CreateTemplateAsync("Existing")).Id();
        var before = await AuditApi.LastSequenceAsync(Org);

        var failures = new (string Name, Func<Task<HttpResponseMessage>> Send, HttpStatusCode Status)[]
        {
            ("invalid body", () => admin.PostJsonAsync(Pipelines, """{"name":""}"""), HttpStatusCode.BadRequest),
            ("unknown pipeline", () => admin.PutJsonAsync($"{Pipelines}/pip_unknown", """{"rate_limit_rps":5}"""), HttpStatusCode.NotFound),
            ("slug taken (a unique violation in the database)", () => admin.PostJsonAsync(Pipelines, """{"name":"Other","slug":"taken"}"""), HttpStatusCode.Conflict),
            ("template name taken", () => admin.PostJsonAsync(Templates, """{"name":"Existing","vendor":"ga4"}"""), HttpStatusCode.Conflict),
            ("stale If-Match", () => admin.PutJsonAsync($"{Pipelines}/{pipeline}", """{"rate_limit_rps":5}""", ifMatch: "\"stale\""), HttpStatusCode.PreconditionFailed),
            ("a rule the aggregate checks", () => admin.PostJsonAsync($"{Templates}/{template}/revisions", """{"config":{}}"""), HttpStatusCode.BadRequest),
        };
        foreach (var (name, send, status) in failures)
        {
            using var response = await send();
            response.StatusCode.Should().Be(status, name);
        }

        (await admin.EventsAfterAsync(before)).Should().BeEmpty("a failed write changes nothing, so it records nothing");
        (await Db.ScalarAsync<long>("SELECT last_sequence FROM audit_chain_heads WHERE org_id = @Org", new { Org })).Should().Be(before);
    }

    [Fact]
    public async Task AReplayedIdempotentRequest_AppendsNoSecondEvent_AndTheFirstRecordsItsKey()
    {
        var admin = Factory.CreateClient(Org, "admin");
        var before = await AuditApi.LastSequenceAsync(Org);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Pipelines) { Content = new StringContent("""{"name":"Once"}""", Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", "create-once-1");
            (await admin.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var events = await admin.EventsAfterAsync(before);
        events.Should().ContainSingle();
        events[0]["context"]!["idempotency_key"]!.GetValue<string>().Should().Be("create-once-1");
    }

    [Fact]
    public async Task NoSecret_EverReachesAnAuditEvent()
    {
        var admin = Factory.CreateClient(Org, "admin");
        var created = await admin.CreatePipelineAsync("""{"name":"Secretive"}""");
        var rotated = await (await admin.PostAsync(new Uri($"{Pipelines}/{created.Id()}/rotate-secret", UriKind.Relative), null)).ShouldBeAsync(HttpStatusCode.OK);
        var template = (await admin.InstallAsync("meta_capi", """{"name":"Meta","config":{"pixel_id":"1","access_token":"EAAB-plaintext-access-token"}}"""))["template"]!.Id();
        (await admin.CreateRevisionAsync(template, """{"pixel_id":"1","access_token":"EAAB-another-plaintext-token"}""")).StatusCode.Should().Be(HttpStatusCode.Created);

        var audit = string.Join("\n", await Db.QueryAsync<string>("SELECT row_to_json(e)::text FROM audit_events e"));
        audit.Should().Contain("••••oken", "secrets are shown by their masks");
        await Invariants.ShouldHoldAsync(
            created["pipeline_key_secret"]!.GetValue<string>(), rotated["pipeline_key_secret"]!.GetValue<string>(),
            "EAAB-plaintext-access-token", "EAAB-another-plaintext-token");
        audit.Should().NotContain("EAAB-plaintext").And.NotContain("EAAB-another").And.NotContain("enc:v1:");
    }

    /// <summary>Every expected path with its old and new value; with <paramref name="partial"/>, other paths may be present too.</summary>
    private static void ShouldMatch(JsonObject actual, JsonObject expected, bool partial)
    {
        if (!partial)
        {
            actual.Select(p => p.Key).Should().BeEquivalentTo(expected.Select(p => p.Key), $"only the changed fields, got {actual.ToJsonString()}");
        }

        foreach (var (path, value) in expected)
        {
            actual.ContainsKey(path).Should().BeTrue($"{path} changed; got {actual.ToJsonString()}");
            if (value is JsonObject change)
            {
                foreach (var side in new[] { "old", "new" })
                {
                    var wanted = change[side];
                    if (wanted?.ToJsonString() != "\"*\"")
                    {
                        JsonNode.DeepEquals(actual[path]![side], wanted).Should().BeTrue($"{path}.{side} should be {wanted?.ToJsonString() ?? "null"}, got {actual[path]!.ToJsonString()}");
                    }
                }
            }
        }
    }

    private sealed record Write(
        string Method, string Path, string? Body, string Action, string ResourceType, string Resource, string Changes, bool Partial = false);
}
