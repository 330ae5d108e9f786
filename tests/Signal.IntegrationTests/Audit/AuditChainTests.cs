using System.Net;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Signal.Application.Audit;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.Pipelines;

namespace Signal.IntegrationTests.Audit;

/// <summary>The audit log is append-only and tamper-evident: the trigger, the hash chain, and its verification.</summary>
public sealed class AuditChainTests(SignalApiFactory factory) : ApiTest(factory)
{
    [Theory]
    [InlineData("UPDATE audit_events SET resource_name = 'forged'")]
    [InlineData("DELETE FROM audit_events")]
    // A plain TRUNCATE is refused even before the trigger, by the webhook outbox's foreign key; CASCADE reaches the trigger.
    [InlineData("TRUNCATE audit_events CASCADE")]
    public async Task TheStorage_RefusesToChangeOrRemoveEvents(string sql)
    {
        await Factory.CreateClient(Org, "admin").CreatePipelineAsync("""{"name":"Shop"}""");

        var refused = async () => await Db.ExecuteAsync(sql);

        (await refused.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.RestrictViolation);
        (await Db.ScalarAsync<long>("SELECT count(*) FROM audit_events")).Should().Be(1);
    }

    [Fact]
    public async Task TheChain_VerifiesAfterConcurrentWrites_InSeveralOrganisations()
    {
        var owner = Factory.CreateClient(Org, "owner");
        var others = Factory.CreateClient("org_other", "owner");
        await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
            await (i % 4 == 0 ? others : owner).CreatePipelineAsync($$"""{"name":"Concurrent {{i}}"}""")));

        (await owner.VerifyAsync()).ToJsonString().Should().Be("""{"verified":true,"events":30,"first_broken":null}""");
        (await others.VerifyAsync()).ToJsonString().Should().Be("""{"verified":true,"events":10,"first_broken":null}""");
    }

    [Fact]
    public async Task AnOrganisationWithoutEvents_Verifies()
    {
        (await Factory.CreateClient(Org, "owner").VerifyAsync()).ToJsonString().Should().Be("""{"verified":true,"events":0,"first_broken":null}""");
    }

    [Theory]
    [InlineData("UPDATE audit_events SET changes = '{\"rate_limit_rps\":{\"old\":1000,\"new\":1}}' WHERE id = @Id", "hash_mismatch")]
    [InlineData("UPDATE audit_events SET actor_id = 'someone_else' WHERE id = @Id", "hash_mismatch")]
    [InlineData("UPDATE audit_events SET occurred_at = occurred_at - interval '1 day' WHERE id = @Id", "hash_mismatch")]
    [InlineData("DELETE FROM audit_events WHERE id = @Id", "sequence_gap")]
    [InlineData("UPDATE audit_events SET hash = repeat('a', 64) WHERE id = @Id", "hash_mismatch")]
    public async Task Tampering_BreaksTheChain_AtTheFirstChangedEvent(string tamper, string reason)
    {
        var owner = Factory.CreateClient(Org, "owner");
        for (var i = 0; i < 5; i++)
        {
            await owner.CreatePipelineAsync($$"""{"name":"Pipeline {{i}}"}""");
        }

        var third = await Db.ScalarAsync<string>("SELECT id FROM audit_events WHERE org_id = @Org AND sequence = 3", new { Org });
        await WithTriggerDisabledAsync(tamper, new { Id = third });

        var verification = await owner.VerifyAsync();

        verification["verified"]!.GetValue<bool>().Should().BeFalse();
        verification["events"]!.GetValue<long>().Should().Be(2, "the two events before it still verify");
        var broken = verification["first_broken"]!;
        broken["reason"]!.GetValue<string>().Should().Be(reason);
        broken["sequence"]!.GetValue<long>().Should().Be(reason == "sequence_gap" ? 4 : 3);
    }

    [Fact]
    public async Task RemovingTheNewestEvent_IsFoundByTheChainHead()
    {
        var owner = Factory.CreateClient(Org, "owner");
        await owner.CreatePipelineAsync("""{"name":"First"}""");
        await owner.CreatePipelineAsync("""{"name":"Second"}""");
        await WithTriggerDisabledAsync("DELETE FROM audit_events WHERE org_id = @Org AND sequence = 2", new { Org });

        var verification = await owner.VerifyAsync();

        verification["verified"]!.GetValue<bool>().Should().BeFalse();
        verification["first_broken"]!["reason"]!.GetValue<string>().Should().Be("newest_event_missing");
    }

    [Fact]
    public async Task AnAuditor_RecomputesEveryHash_FromTheEventsAsTheApiShowsThem()
    {
        var admin = Factory.CreateClient(Org, "admin");
        var pipeline = (await admin.CreatePipelineAsync("""{"name":"Ünïcode \"quoted\" <shop>","config":{"ratio":1.50,"big":1e21,"tiny":0.000001}}""")).Id();
        (await admin.PutJsonAsync($"{PipelineApi.PipelinesPath}/{pipeline}", """{"labels":["a","b"],"config":{"ratio":2}}""")).StatusCode.Should().Be(HttpStatusCode.OK);

        var events = (await admin.AuditPageAsync()).Events();
        events.Reverse();
        var previous = new string('0', 64);
        foreach (var e in events)
        {
            var document = e.DeepClone().AsObject();
            document.Remove("sequence");
            document["previous_hash"]!.GetValue<string>().Should().Be(previous);
            document.Remove("previous_hash");
            var hash = document["hash"]!.GetValue<string>();
            document.Remove("hash");

            var recomputed = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previous + CanonicalJson.Of(document))));
            recomputed.Should().Be(hash, "docs/audit.md's recipe, applied to the API's own JSON, gives the stored hash");
            previous = hash;
        }
    }

    private static async Task WithTriggerDisabledAsync(string sql, object parameters)
    {
        await Db.ExecuteAsync("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only");
        try
        {
            await Db.ExecuteAsync(sql, parameters);
        }
        finally
        {
            await Db.ExecuteAsync("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only");
        }
    }
}
