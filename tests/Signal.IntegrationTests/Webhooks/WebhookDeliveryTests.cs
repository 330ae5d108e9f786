using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Signal.Infrastructure.Webhooks;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.Pipelines;
using Signal.IntegrationTests.Rollouts;

namespace Signal.IntegrationTests.Webhooks;

/// <summary>
/// Events reaching a real receiver: retried with the same webhook-id, disabled by 410 and by failures in a row, signed twice after a rotation, filtered
/// by the subscription's events and by organisation.
/// </summary>
public sealed class WebhookDeliveryTests(WebhookApiFactory factory) : ApiTest<WebhookApiFactory>(factory), IClassFixture<WebhookApiFactory>
{
    private HttpClient Admin() => Factory.CreateClient(Org, "admin");

    [Fact]
    public async Task AReceiverFailingTwiceThenSucceeding_GetsTheEventThreeTimes_WithOneWebhookId()
    {
        using var metrics = new MetricRecorder(Factory);
        await using var receiver = await WebhookReceiver.StartAsync(500, 503);
        var webhook = (await Admin().SubscribeAsync(receiver.Url, "pipeline.created")).Id("id");
        await Admin().CreatePipelineAsync("""{"name":"Retried"}""");

        await Factory.DeliverAsync();
        Factory.Clock.Advance(TimeSpan.FromSeconds(4));
        (await Factory.DeliverAsync()).Should().Be(0, "the first retry waits at least 5 s");
        Factory.Clock.Advance(TimeSpan.FromSeconds(3));
        await Factory.DeliverAsync();
        Factory.Clock.Advance(TimeSpan.FromMinutes(1.5));
        await Factory.DeliverAsync();

        receiver.Received.Select(r => r.Id).Should().HaveCount(3).And.OnlyContain(id => id == receiver.Received.First().Id);
        receiver.Received.Select(r => r.Body).Distinct().Should().ContainSingle("every attempt sends the same body");
        var delivery = (await Admin().DeliveriesAsync(webhook))["deliveries"]!.AsArray().Single()!;
        delivery["status"]!.GetValue<string>().Should().Be("delivered");
        delivery["attempt_log"]!.AsArray().Select(a => (int?)a!["status_code"]).Should().Equal(500, 503, 200);
        delivery["attempt_log"]![0]!["error"]!.GetValue<string>().Should().Contain("500");
        delivery["attempt_log"]![0]!["response_body"]!.GetValue<string>().Should().Be("answered 500");
        (metrics.Total("signal.webhook.attempts", "outcome=retrying"), metrics.Total("signal.webhook.attempts", "outcome=delivered"))
            .Should().Be((2, 1));
    }

    [Fact]
    public async Task Gone_DisablesTheSubscription_WithAnAuditEvent()
    {
        using var metrics = new MetricRecorder(Factory);
        await using var receiver = await WebhookReceiver.StartAsync(410);
        var webhook = (await Admin().SubscribeAsync(receiver.Url, "pipeline.*")).Id("id");
        await Admin().CreatePipelineAsync("""{"name":"Gone"}""");

        await Factory.DeliverAsync();

        metrics.Total("signal.webhook.attempts", "outcome=failed").Should().Be(1);
        var shown = await Admin().WebhookAsync(webhook);
        shown["enabled"]!.GetValue<bool>().Should().BeFalse();
        shown["disabled_reason"]!.GetValue<string>().Should().Contain("410");
        (await Admin().DeliveriesAsync(webhook))["deliveries"]![0]!["status"]!.GetValue<string>().Should().Be("failed");
        (await Db.ScalarAsync<long>("SELECT count(*) FROM audit_events WHERE action = 'webhook.disabled' AND resource_id = @Id", new { Id = webhook }))
            .Should().Be(1);
        await Admin().CreatePipelineAsync("""{"name":"After"}""");
        (await Db.ScalarAsync<long>("SELECT count(*) FROM webhook_deliveries WHERE webhook_id = @Id", new { Id = webhook })).Should().Be(1,
            "nothing is queued for a disabled subscription");
    }

    [Fact]
    public async Task EventsFailingInARow_DisableTheSubscription_AndADeliveredOneResetsTheCount()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Enumerable.Repeat(500, 6).Append(200).Concat(Enumerable.Repeat(500, 9)).ToArray());
        var webhook = (await Admin().SubscribeAsync(receiver.Url, "pipeline.created")).Id("id");

        await FailEventsAsync(2);
        await Admin().CreatePipelineAsync("""{"name":"Delivered"}""");
        await Factory.DeliverAsync();
        (await Admin().WebhookAsync(webhook))["enabled"]!.GetValue<bool>().Should().BeTrue("two failed events, then one delivered");

        await FailEventsAsync(3);

        var shown = await Admin().WebhookAsync(webhook);
        shown["enabled"]!.GetValue<bool>().Should().BeFalse();
        shown["disabled_reason"]!.GetValue<string>().Should().Contain("3 events in a row");
        using var enable = await Admin().PutJsonAsync($"{WebhookApi.WebhooksPath}/{webhook}", """{"enabled":true}""");
        (await enable.ShouldBeAsync(HttpStatusCode.OK))["disabled_reason"].Should().BeNull();
    }

    [Fact]
    public async Task ASubscriptionGetsOnlyTheEventsItNames_OfItsOwnOrganisation()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await Admin().SubscribeAsync(receiver.Url, "pipeline.*");
        var editor = Factory.CreateClient(Org, "editor");
        var fleet = await editor.FleetAsync(1);
        await editor.StartRolloutAsync(fleet.TemplateId);
        await Factory.CreateClient("org_other", "admin").CreatePipelineAsync("""{"name":"Someone else's"}""");

        await Factory.DeliverAsync();

        var types = receiver.Received.Select(r => JsonNode.Parse(r.Body)!["type"]!.GetValue<string>()).ToList();
        types.Should().Equal("pipeline.created");
        receiver.Received.Select(r => JsonNode.Parse(r.Body)!["data"]!["org_id"]!.GetValue<string>()).Should().OnlyContain(org => org == Org);
        (await Db.ScalarAsync<long>("SELECT count(*) FROM audit_events WHERE action LIKE 'rollout.%'")).Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task AFailedWrite_QueuesNothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhook = (await Admin().SubscribeAsync(receiver.Url, "pipeline.*")).Id("id");
        await Admin().CreatePipelineAsync("""{"name":"First","slug":"taken"}""");

        (await Admin().PostJsonAsync(PipelineApi.PipelinesPath, """{"name":"Second","slug":"taken"}""")).StatusCode.Should().Be(HttpStatusCode.Conflict);

        (await Db.ScalarAsync<long>("SELECT count(*) FROM webhook_deliveries WHERE webhook_id = @Id", new { Id = webhook })).Should().Be(1);
    }

    [Fact]
    public async Task TheDeliveryLog_PagesByCursor_FiltersByStatus_AndARedeliverySendsTheSameEventAgain()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhook = (await Admin().SubscribeAsync(receiver.Url, "pipeline.created")).Id("id");
        for (var i = 0; i < 3; i++)
        {
            await Admin().CreatePipelineAsync($$"""{"name":"Logged {{i}}"}""");
        }

        await Factory.DeliverAsync();
        var first = await Admin().DeliveriesAsync(webhook, "?limit=2");
        var second = await Admin().DeliveriesAsync(webhook, $"?limit=2&cursor={first.Id("next_cursor")}");

        var ids = first["deliveries"]!.AsArray().Concat(second["deliveries"]!.AsArray()).Select(d => d!.Id("id")).ToList();
        ids.Should().HaveCount(3).And.OnlyHaveUniqueItems().And.BeInDescendingOrder(StringComparer.Ordinal);
        second["next_cursor"].Should().BeNull();
        (await Admin().DeliveriesAsync(webhook, "?status=delivered"))["deliveries"]!.AsArray().Should().HaveCount(3);
        (await Admin().DeliveriesAsync(webhook, "?status=pending"))["deliveries"]!.AsArray().Should().BeEmpty();
        await (await Admin().GetAsync(new Uri($"{WebhookApi.WebhooksPath}/{webhook}/deliveries?cursor=not-ours", UriKind.Relative)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var redelivered = await (await Admin().PostAsync(new Uri($"{WebhookApi.WebhooksPath}/{webhook}/deliveries/{ids[0]}/redeliver", UriKind.Relative), null))
            .ShouldBeAsync(HttpStatusCode.Accepted);
        redelivered.Id("status").Should().Be("pending");
        await Factory.DeliverAsync();

        receiver.Received.Should().HaveCount(4);
        receiver.Received.Last().Id.Should().Be(ids[0]);
        receiver.Received.Last().Body.Should().Be(receiver.Received.Single(r => r.Id == ids[0] && r != receiver.Received.Last()).Body);
        var log = (await Admin().DeliveriesAsync(webhook))["deliveries"]!.AsArray().Single(d => d!.Id("id") == ids[0])!;
        ((int)log["attempts"]!, log["attempt_log"]!.AsArray().Count).Should().Be((2, 2));
        await (await Admin().PostAsync(new Uri($"{WebhookApi.WebhooksPath}/{webhook}/deliveries/msg_unknown/redeliver", UriKind.Relative), null))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task ATestEvent_GoesToThatSubscriptionAlone_EvenWhenItIsDisabled()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var other = await WebhookReceiver.StartAsync();
        var webhook = (await Admin().SubscribeAsync(receiver.Url, "pipeline.*")).Id("id");
        await Admin().SubscribeAsync(other.Url, "webhook.*");
        await Admin().PutJsonAsync($"{WebhookApi.WebhooksPath}/{webhook}", """{"enabled":false}""");

        var queued = await (await Admin().PostAsync(new Uri($"{WebhookApi.WebhooksPath}/{webhook}/test", UriKind.Relative), null))
            .ShouldBeAsync(HttpStatusCode.Accepted);
        await Factory.DeliverAsync();

        queued.Id("event_type").Should().Be("webhook.test");
        var body = JsonNode.Parse(receiver.Received.Single().Body)!;
        body["type"]!.GetValue<string>().Should().Be("webhook.test");
        body["data"]!["webhook_id"]!.GetValue<string>().Should().Be(webhook);
        other.Received.Select(r => JsonNode.Parse(r.Body)!["type"]!.GetValue<string>()).Should().BeEquivalentTo(["webhook.created", "webhook.updated"],
            "the other subscription gets its own creation and the audited update, not the test");
    }

    [Fact]
    public async Task ARedirect_IsNotFollowed_AndTheLogSaysWhereItPointed()
    {
        await using var receiver = await WebhookReceiver.StartAsync([http =>
        {
            http.Response.StatusCode = StatusCodes.Status302Found;
            http.Response.Headers.Location = "http://169.254.169.254/latest/meta-data/";
            return Task.CompletedTask;
        }]);
        var webhook = (await Admin().SubscribeAsync(receiver.Url, "pipeline.*")).Id("id");
        await Admin().CreatePipelineAsync("""{"name":"Redirected"}""");

        await Factory.DeliverAsync();

        receiver.Received.Should().ContainSingle();
        var attempt = (await Admin().DeliveriesAsync(webhook))["deliveries"]![0]!["attempt_log"]![0]!;
        ((int)attempt["status_code"]!).Should().Be(302);
        attempt["error"]!.GetValue<string>().Should().Contain("http://169.254.169.254/latest/meta-data/").And.Contain("not followed");
    }

    [Fact]
    public async Task AnInstanceStoppedMidDelivery_LeavesTheEventForAnotherToDeliver()
    {
        var hung = new TaskCompletionSource();
        await using var receiver = await WebhookReceiver.StartAsync([async http =>
        {
            hung.SetResult();
            await Task.Delay(Timeout.Infinite, http.RequestAborted);
        }]);
        var webhook = (await Admin().SubscribeAsync(receiver.Url, "pipeline.*")).Id("id");
        await Admin().CreatePipelineAsync("""{"name":"Interrupted"}""");

        await using (var stopped = new WebhookApiFactory())
        {
            stopped.Clock.SetUtcNow(Factory.Clock.GetUtcNow() > stopped.Clock.GetUtcNow() ? Factory.Clock.GetUtcNow() : stopped.Clock.GetUtcNow());
            Factory.Clock.SetUtcNow(stopped.Clock.GetUtcNow());
            using var stopping = new CancellationTokenSource();
            var pass = stopped.DeliverAsync(stopping.Token);
            await hung.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await stopping.CancelAsync();
            await pass.Awaiting(p => p).Should().ThrowAsync<OperationCanceledException>();
        }

        (await Factory.DeliverAsync()).Should().Be(0, "the claim is leased to the stopped instance");
        Factory.Clock.Advance(TimeSpan.FromSeconds(7));
        (await Factory.DeliverAsync()).Should().Be(1, "the lease ran out");

        receiver.Received.Should().HaveCount(2).And.OnlyContain(r => r.Id == receiver.Received.First().Id);
        var delivery = (await Admin().DeliveriesAsync(webhook))["deliveries"]![0]!;
        delivery.Id("status").Should().Be("delivered");
        ((int)delivery["attempts"]!).Should().Be(2, "the interrupted attempt counts, though it left no log line");
    }

    [Fact]
    public async Task DeliveriesOlderThanThirtyDays_AreDeleted_WithTheirAttempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await Admin().SubscribeAsync(receiver.Url, "pipeline.*");
        await Admin().CreatePipelineAsync("""{"name":"Old"}""");
        await Factory.DeliverAsync();
        Factory.Clock.Advance(TimeSpan.FromDays(2));
        await Admin().CreatePipelineAsync("""{"name":"New"}""");

        Factory.Clock.Advance(TimeSpan.FromDays(28) + TimeSpan.FromSeconds(1));
        var deleted = await Factory.Services.GetRequiredService<WebhookDeliveryCleaner>().DeleteExpiredAsync(CancellationToken.None);

        deleted.Should().Be(1);
        (await Db.ScalarAsync<long>("SELECT count(*) FROM webhook_deliveries")).Should().Be(1);
        (await Db.ScalarAsync<long>("SELECT count(*) FROM webhook_attempts")).Should().Be(0);
    }

    private async Task FailEventsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Admin().CreatePipelineAsync($$"""{"name":"Failing {{Guid.NewGuid():N}}"}""");
            await Factory.DeliverAsync();
            Factory.Clock.Advance(TimeSpan.FromSeconds(7));
            await Factory.DeliverAsync();
            Factory.Clock.Advance(TimeSpan.FromMinutes(1.5));
            await Factory.DeliverAsync();
        }
    }
}
