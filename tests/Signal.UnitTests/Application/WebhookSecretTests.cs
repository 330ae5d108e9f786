using Signal.Application.Webhooks;

namespace Signal.UnitTests.Application;

public sealed class WebhookSecretTests
{
    [Fact]
    public void TheSignature_MatchesTheStandardWebhooksTestVector()
    {
        // The example of the Standard Webhooks specification.
        var signature = WebhookSecret.Sign(["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"], "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}""");

        signature.Should().Be("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    [Fact]
    public void TwoSecrets_GiveTwoSignatures_SpaceSeparated_TheFirstSecretFirst()
    {
        var both = WebhookSecret.Sign([WebhookSecret.Generate(), WebhookSecret.Generate()], "msg_1", 1, "{}").Split(' ');

        both.Should().HaveCount(2).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void ASecret_IsWhsecAndTheBase64Of32RandomBytes()
    {
        var secret = WebhookSecret.Generate();

        secret.Should().MatchRegex("^whsec_[A-Za-z0-9+/]{43}=$").And.NotBe(WebhookSecret.Generate());
        Convert.FromBase64String(secret["whsec_".Length..]).Should().HaveCount(32);
    }

    [Theory]
    [InlineData(1, 0.0, 5.0)]
    [InlineData(1, 1.0, 6.0)]
    [InlineData(2, 0.5, 330.0)]
    public void ARetry_WaitsItsDelayPlusUpToAFifthOfIt(int attempt, double random, double seconds)
    {
        var settings = new WebhookSettings([TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5)], TimeSpan.FromSeconds(2), 50, TimeSpan.FromSeconds(10),
            TimeSpan.FromDays(30), false, false);

        settings.RetryAfter(attempt, random).Should().Be(TimeSpan.FromSeconds(seconds));
        settings.RetryAfter(3, random).Should().BeNull("the delays have run out");
    }
}
