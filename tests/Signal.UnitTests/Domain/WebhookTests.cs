using Signal.Domain.Audit;
using Signal.Domain.Common;
using Signal.Domain.Webhooks;

namespace Signal.UnitTests.Domain;

public sealed class WebhookTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 25, 10, 0, 0, TimeSpan.Zero);

    private static Webhook Subscribed() =>
        Webhook.Create("wh_1", "org_1", new WebhookFields("https://hooks.example.com/x", ["pipeline.*", "pipeline.*", "catalog.installed"], null, null),
            "enc:v1:first", allowHttp: false, Now);

    [Fact]
    public void Create_KeepsEachEventOnce_Sorted_AndIsEnabled()
    {
        var webhook = Subscribed();

        webhook.Events.Should().Equal("catalog.installed", "pipeline.*");
        webhook.Enabled.Should().BeTrue();
        webhook.TakeRecordedChanges().Single().Action.Should().Be(AuditActions.WebhookCreated);
    }

    [Theory]
    [InlineData("http://hooks.example.com/x", false, "must use https")]
    [InlineData("http://hooks.example.com/x", true, null)]
    [InlineData("https://a:b@hooks.example.com/x", false, "credentials")]
    [InlineData("/relative", false, "absolute URL")]
    [InlineData("", false, "is required")]
    public void TheUrl_MustBeAnAbsoluteHttpsAddressWithoutCredentials(string url, bool allowHttp, string? problem)
    {
        var found = WebhookRules.UrlProblem(url, allowHttp);

        if (problem is null)
        {
            found.Should().BeNull();
        }
        else
        {
            found.Should().Contain(problem);
        }
    }

    [Fact]
    public void AnUnknownEvent_IsRefused_ListingTheValidOnes()
    {
        var violations = new WebhookFields("https://hooks.example.com/x", ["pipeline.renamed"], null, null).Violations(isNew: true, allowHttp: false);

        violations["events"].Single().Should().Contain("'pipeline.renamed'").And.Contain("pipeline.*").And.Contain("rollout.rolled_back");
    }

    [Fact]
    public void RotatingTheSecret_KeepsTheOldOneForADay_AndRecordsNoSecret()
    {
        var webhook = Subscribed();
        webhook.TakeRecordedChanges();

        webhook.RotateSecret("enc:v1:second", Now);

        (webhook.SecretCiphertext, webhook.PreviousSecretCiphertext, webhook.PreviousSecretExpiresAt).Should().Be(("enc:v1:second", "enc:v1:first", Now.AddDays(1)));
        var change = webhook.TakeRecordedChanges().Single();
        (change.Action, change.Changes.Count).Should().Be((AuditActions.WebhookSecretRotated, 0));
    }

    [Fact]
    public void FailedEventsInARow_Disable_ADeliveredOneResetsTheCount_AndEnablingClearsTheReason()
    {
        var webhook = Subscribed();

        webhook.CountOutcome(delivered: false, disableAfter: 2, Now);
        webhook.CountOutcome(delivered: true, disableAfter: 2, Now);
        webhook.CountOutcome(delivered: false, disableAfter: 2, Now);
        webhook.Enabled.Should().BeTrue();
        webhook.CountOutcome(delivered: false, disableAfter: 2, Now);

        (webhook.Enabled, webhook.DisabledReason).Should().Be((false, "2 events in a row could not be delivered."));
        webhook.TakeRecordedChanges().Select(c => c.Action).Should().EndWith(AuditActions.WebhookDisabled);
        webhook.Change(new WebhookFields(null, null, null, Enabled: true), allowHttp: false, Now);
        (webhook.Enabled, webhook.DisabledReason, webhook.ConsecutiveFailures).Should().Be((true, (string?)null, 0));
    }

    [Fact]
    public void ADeletedSubscription_RefusesChanges()
    {
        var webhook = Subscribed();
        webhook.Delete(Now);

        var change = () => webhook.Change(new WebhookFields(null, null, "d", null), allowHttp: false, Now);

        change.Should().Throw<DeletedAggregateException>();
    }
}
