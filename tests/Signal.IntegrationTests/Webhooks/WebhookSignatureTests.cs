using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.Pipelines;
using StandardWebhooks;

namespace Signal.IntegrationTests.Webhooks;

/// <summary>
/// An event as a receiver gets it, verified by an independent implementation of Standard Webhooks (the StandardWebhooks
/// package), which also checks that the timestamp is recent: this class never moves its clock. After a rotation, two
/// signatures for a day.
/// </summary>
public sealed class WebhookSignatureTests(WebhookApiFactory factory) : ApiTest<WebhookApiFactory>(factory), IClassFixture<WebhookApiFactory>
{
    private HttpClient Admin() => Factory.CreateClient(Org, "admin");

    [Fact]
    public async Task AnEvent_ArrivesSigned_AndAnIndependentImplementationVerifiesIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var subscribed = await Admin().SubscribeAsync(receiver.Url, "pipeline.*");
        var pipeline = (await Admin().CreatePipelineAsync("""{"name":"Signed"}""")).Id();

        (await Factory.DeliverAsync()).Should().Be(1);

        var received = receiver.Received.Single();
        var verify = () => new StandardWebhook(subscribed.Id("secret")).Verify(received.Body, received.Headers);
        verify.Should().NotThrow("the signature is Standard Webhooks' v1 HMAC-SHA256 of id.timestamp.body");
        var body = JsonNode.Parse(received.Body)!;
        body["type"]!.GetValue<string>().Should().Be("pipeline.created");
        body["data"]!["resource_id"]!.GetValue<string>().Should().Be(pipeline);
        body["data"]!["action"]!.GetValue<string>().Should().Be("pipeline.created");
        body["timestamp"]!.GetValue<string>().Should().Be(body["data"]!["occurred_at"]!.GetValue<string>());
        received.Id.Should().StartWith("msg_");
        var tampered = () => new StandardWebhook(subscribed.Id("secret")).Verify(received.Body.Replace("Signed", "Forged", StringComparison.Ordinal), received.Headers);
        tampered.Should().Throw<Exception>("a changed body no longer matches its signature");
    }

    [Fact]
    public async Task AfterARotation_EventsCarryTwoSignatures_ForADay()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var created = await Admin().SubscribeAsync(receiver.Url, "pipeline.*");
        var webhook = created.Id("id");
        var rotated = await (await Admin().PostAsync(new Uri($"{WebhookApi.WebhooksPath}/{webhook}/rotate-secret", UriKind.Relative), null))
            .ShouldBeAsync(HttpStatusCode.OK);
        rotated.Id("secret").Should().StartWith("whsec_").And.NotBe(created.Id("secret"));

        await Admin().CreatePipelineAsync("""{"name":"Rotated"}""");
        await Factory.DeliverAsync();

        var received = receiver.Received.Single();
        var signatures = received.Signature.Split(' ');
        signatures.Should().HaveCount(2).And.OnlyContain(s => s.StartsWith("v1,", StringComparison.Ordinal));
        // The package compares only the first signature of the header, so each one is checked on its own.
        foreach (var (secret, signature) in new[] { (rotated.Id("secret"), signatures[0]), (created.Id("secret"), signatures[1]) })
        {
            var headers = new HeaderDictionary(received.Headers.ToDictionary(h => h.Key, h => h.Value)) { ["webhook-signature"] = signature };
            var verify = () => new StandardWebhook(secret).Verify(received.Body, headers);
            verify.Should().NotThrow("the new secret signs first, and the old one beside it for a day");
        }

        // A day later (the clock of this class stays put: the package checks that timestamps are recent).
        await Db.ExecuteAsync("UPDATE webhooks SET previous_secret_expires_at = @Expired WHERE id = @Id",
            new { Id = webhook, Expired = Factory.Clock.GetUtcNow().AddSeconds(-1) });
        await Admin().CreatePipelineAsync("""{"name":"A day later"}""");
        await Factory.DeliverAsync();
        receiver.Received.Last().Signature.Split(' ').Should().ContainSingle("the old secret has expired");
    }
}
