using System.Net;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Webhooks;

/// <summary>Subscriptions: their rules, their secret (shown twice at most, stored only encrypted), and who may see them.</summary>
public sealed class WebhookSubscriptionTests(SignalApiFactory factory) : ApiTest(factory)
{
    private const string Receiver = "https://hooks.partner.example/signal";

    private HttpClient Admin() => Factory.CreateClient(Org, "admin");

    [Fact]
    public async Task TheSecret_IsShownOnCreationAndRotationOnly_AndStoredEncrypted()
    {
        var created = await Admin().SubscribeAsync(Receiver, "pipeline.*", "rollout.rolled_back");
        var id = created.Id("id");
        var secret = created.Id("secret");
        secret.Should().MatchRegex("^whsec_[A-Za-z0-9+/]{43}=$");
        created["events"]!.AsArray().Select(e => e!.GetValue<string>()).Should().Equal("pipeline.*", "rollout.rolled_back");
        created["enabled"]!.GetValue<bool>().Should().BeTrue();

        var shown = await (await Admin().GetAsync(new Uri($"{WebhookApi.WebhooksPath}/{id}", UriKind.Relative))).Content.ReadAsStringAsync();
        var listed = await (await Admin().GetAsync(new Uri(WebhookApi.WebhooksPath, UriKind.Relative))).Content.ReadAsStringAsync();
        var rotated = await (await Admin().PostAsync(new Uri($"{WebhookApi.WebhooksPath}/{id}/rotate-secret", UriKind.Relative), null))
            .ShouldBeAsync(HttpStatusCode.OK);

        shown.Should().NotContain(secret).And.NotContain("\"secret\"");
        listed.Should().NotContain(secret).And.NotContain("\"secret\"");
        rotated.Id("secret").Should().NotBe(secret);
        rotated["previous_secret_expires_at"].Should().NotBeNull();
        var stored = await Db.DumpAllTablesAsync();
        stored.Should().NotContain(secret).And.NotContain(rotated.Id("secret"));
        stored.Should().NotContain(secret["whsec_".Length..], "not even the key without its prefix");
        (await Db.ScalarAsync<string>("SELECT secret_ciphertext FROM webhooks WHERE id = @Id", new { Id = id })).Should().StartWith("enc:v1:");
    }

    [Theory]
    [InlineData("{'events':['pipeline.*']}", "url", "is required")]
    [InlineData("{'url':'hooks.example.com','events':['pipeline.*']}", "url", "absolute URL")]
    [InlineData("{'url':'https://user:pass@hooks.example.com/x','events':['pipeline.*']}", "url", "credentials")]
    [InlineData("{'url':'https://hooks.example.com/x#part','events':['pipeline.*']}", "url", "fragment")]
    [InlineData("{'url':'ftp://hooks.example.com/x','events':['pipeline.*']}", "url", "https")]
    [InlineData("{'url':'https://hooks.example.com/x','events':[]}", "events", "at least one")]
    [InlineData("{'url':'https://hooks.example.com/x','events':['pipeline.renamed']}", "events", "pipeline.*, pipeline_integration.*")]
    [InlineData("{'url':'https://hooks.example.com/x','events':['pipeline']}", "events", "rollout.rolled_back")]
    public async Task EachRule_IsABadRequest_SayingWhatToFix(string body, string field, string message)
    {
        var problem = await (await Admin().PostJsonAsync(WebhookApi.WebhooksPath, body.Replace('\'', '"')))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        problem.ErrorsFor(field).Single().Should().Contain(message);
    }

    [Fact]
    public async Task AUrlLongerThan2048Characters_IsRefused()
    {
        var url = "https://hooks.example.com/" + new string('a', 2048);

        var problem = await (await Admin().PostJsonAsync(WebhookApi.WebhooksPath, $$"""{"url":"{{url}}","events":["pipeline.*"]}"""))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        problem.ErrorsFor("url").Single().Should().Contain("2048");
    }

    [Fact]
    public async Task AnUpdate_ChangesWhatItNames_HonoursIfMatch_AndIsAudited()
    {
        var id = (await Admin().SubscribeAsync(Receiver, "pipeline.*")).Id("id");
        using var first = await Admin().GetAsync(new Uri($"{WebhookApi.WebhooksPath}/{id}", UriKind.Relative));
        var etag = first.Headers.ETag!.ToString();

        using var updated = await Admin().PutJsonAsync($"{WebhookApi.WebhooksPath}/{id}", """{"events":["rollout.*"],"description":"Rollouts only"}""", etag);
        var shown = await updated.ShouldBeAsync(HttpStatusCode.OK);

        shown["events"]!.AsArray().Select(e => e!.GetValue<string>()).Should().Equal("rollout.*");
        shown["description"]!.GetValue<string>().Should().Be("Rollouts only");
        await (await Admin().PutJsonAsync($"{WebhookApi.WebhooksPath}/{id}", """{"enabled":false}""", etag))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
        await (await Admin().PutJsonAsync($"{WebhookApi.WebhooksPath}/{id}", """{"events":["nothing.*"]}"""))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        (await Db.QueryAsync<string>("SELECT action FROM audit_events WHERE resource_id = @Id ORDER BY sequence", new { Id = id }))
            .Should().Equal("webhook.created", "webhook.updated");
    }

    [Fact]
    public async Task ADeletedSubscription_Is404_AndGetsNothingMore()
    {
        var id = (await Admin().SubscribeAsync(Receiver, "pipeline.*")).Id("id");

        (await (await Admin().DeleteAsync(new Uri($"{WebhookApi.WebhooksPath}/{id}", UriKind.Relative))).ShouldBeAsync(HttpStatusCode.OK))
            ["status"]!.GetValue<string>().Should().Be("deleted");
        await Admin().PostJsonAsync(Pipelines.PipelineApi.PipelinesPath, """{"name":"After the delete"}""");

        await (await Admin().GetAsync(new Uri($"{WebhookApi.WebhooksPath}/{id}", UriKind.Relative))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        (await Db.ScalarAsync<long>("SELECT count(*) FROM webhook_deliveries")).Should().Be(0);
    }

    [Fact]
    public async Task AnotherOrganisationsSubscription_IsNotFound()
    {
        var id = (await Admin().SubscribeAsync(Receiver, "pipeline.*")).Id("id");
        var stranger = Factory.CreateClient("org_other", "owner");

        foreach (var path in new[] { $"{WebhookApi.WebhooksPath}/{id}", $"{WebhookApi.WebhooksPath}/{id}/deliveries" })
        {
            await (await stranger.GetAsync(new Uri(path, UriKind.Relative))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        }

        await (await stranger.PostAsync(new Uri($"{WebhookApi.WebhooksPath}/{id}/rotate-secret", UriKind.Relative), null))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        (await (await stranger.GetAsync(new Uri(WebhookApi.WebhooksPath, UriKind.Relative))).ShouldBeAsync(HttpStatusCode.OK))
            ["webhooks"]!.AsArray().Should().BeEmpty();
    }
}
