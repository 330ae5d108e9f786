using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Signal.Application.Common.Abstractions;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.Pipelines;
using Signal.IntegrationTests.Webhooks;

namespace Signal.IntegrationTests.Faults;

/// <summary>
/// The database goes away while a webhook is being sent — after the receiver got it, before the attempt is recorded:
/// the event is not lost, it is sent again once the lease runs out (at least once), with the same webhook-id.
/// </summary>
[Collection(PostgresFaults.Name)]
public sealed class WebhookDatabaseRestartTests(WebhookDatabaseRestartTests.PatientApiFactory factory)
    : IClassFixture<WebhookDatabaseRestartTests.PatientApiFactory>, IDisposable
{
    public void Dispose() => factory.Logs.ShouldHaveLoggedNoSecret();

    [Fact]
    public async Task ADatabaseStoppedMidSend_LosesNoDelivery()
    {
        await factory.ResetDatabaseAsync();
        var admin = factory.CreateClient("org_test", "admin");
        await using var receiver = await WebhookReceiver.StartAsync([async http =>
        {
            await PostgresFaults.ServerAsync("stop");
            http.Response.StatusCode = StatusCodes.Status200OK;
        }]);
        var webhook = (await admin.SubscribeAsync(receiver.Url, "pipeline.*")).Id("id");
        await admin.CreatePipelineAsync("""{"name":"Sent while the database stops"}""");

        try
        {
            var interrupted = () => factory.DeliverAsync();
            await interrupted.Should().ThrowAsync<Exception>("the attempt cannot be recorded without the database");
        }
        finally
        {
            await PostgresFaults.ServerAsync("start");
            NpgsqlConnection.ClearAllPools();
            factory.Services.GetRequiredService<IDatabaseHealth>().DropIdleConnections();
        }

        await factory.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        factory.Clock.Advance(TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(1));
        (await factory.DeliverAsync()).Should().Be(1, "the lease of the unrecorded attempt (three timeouts) ran out");

        receiver.Received.Should().HaveCount(2).And.OnlyContain(r => r.Id == receiver.Received.First().Id);
        (await admin.DeliveriesAsync(webhook))["deliveries"]![0]!.Id("status").Should().Be("delivered");
        await Invariants.ShouldHoldAsync();
    }

    /// <summary>
    /// The webhook test host with a one-minute timeout: the receiver answers only once the server has stopped, which
    /// may take a few seconds, and the attempt must get that answer rather than time out first.
    /// </summary>
    public sealed class PatientApiFactory : FakeClockApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Webhooks:AllowPrivateNetworks", "true");
            builder.UseSetting("Webhooks:AllowHttp", "true");
            builder.UseSetting("Webhooks:Timeout", "00:01:00");
        }
    }
}
