using System.Net;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Webhooks;

/// <summary>
/// With the production settings (https only, no private networks), every attempt resolves its host and refuses an
/// address of the internal network, before connecting, with the reason in the delivery log.
/// </summary>
public sealed class WebhookAddressTests(SignalApiFactory factory) : ApiTest(factory)
{
    private HttpClient Admin() => Factory.CreateClient(Org, "admin");

    [Theory]
    [InlineData("https://127.0.0.1/hooks", "127.0.0.1 (loopback)")]
    [InlineData("https://[::1]/hooks", "::1 (loopback)")]
    [InlineData("https://localhost:9/hooks", "(loopback)")]
    [InlineData("https://10.1.2.3/hooks", "(private)")]
    [InlineData("https://172.16.0.1/hooks", "(private)")]
    [InlineData("https://192.168.1.1/hooks", "(private)")]
    [InlineData("https://[fd00::1]/hooks", "(private)")]
    [InlineData("https://169.254.169.254/latest/meta-data", "(link-local (cloud metadata))")]
    [InlineData("https://169.254.10.1/hooks", "(link-local)")]
    [InlineData("https://[fe80::1]/hooks", "(link-local)")]
    [InlineData("https://100.64.0.1/hooks", "(shared (carrier-grade NAT))")]
    [InlineData("https://224.0.0.1/hooks", "(multicast)")]
    [InlineData("https://[ff02::1]/hooks", "(multicast)")]
    [InlineData("https://0.0.0.0/hooks", "(unspecified)")]
    [InlineData("https://[::ffff:127.0.0.1]/hooks", "(loopback (IPv4-mapped))")]
    [InlineData("https://[::ffff:10.0.0.1]/hooks", "(private (IPv4-mapped))")]
    public async Task AnInternalAddress_IsRefusedAtSendTime_WithTheReasonInTheLog(string url, string reason)
    {
        var webhook = (await Admin().SubscribeAsync(url, "pipeline.*")).Id("id");
        await (await Admin().PostAsync(new Uri($"{WebhookApi.WebhooksPath}/{webhook}/test", UriKind.Relative), null)).ShouldBeAsync(HttpStatusCode.Accepted);

        (await Factory.DeliverAsync()).Should().Be(1);

        var attempt = (await Admin().DeliveriesAsync(webhook))["deliveries"]![0]!["attempt_log"]![0]!;
        attempt["status_code"].Should().BeNull("nothing was sent");
        attempt["error"]!.GetValue<string>().Should().StartWith("refused: ").And.Contain(reason).And.EndWith("an address webhooks may not call");
    }

    [Fact]
    public async Task PlainHttp_IsRefusedWhenTheSubscriptionIsCreated()
    {
        var problem = await (await Admin().PostJsonAsync(WebhookApi.WebhooksPath, """{"url":"http://hooks.example.com/signal","events":["pipeline.*"]}"""))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        problem.ErrorsFor("url").Should().Equal("must use https");
    }
}
