using Signal.Application.Pipelines;

namespace Signal.UnitTests.Application;

public sealed class ChallengeTokensTests
{
    private const string Secret = "sk_0123456789abcdefghijABCDEFGHIJ0123456789";
    private static readonly DateTimeOffset Now = new(2026, 2, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IssuedToken_IsValidUntilItsExpiry()
    {
        var token = ChallengeTokens.Issue("pip_1", Secret, Now.AddHours(1));

        token.Should().MatchRegex(@"^ct_pip_1\.\d+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$");
        ChallengeTokens.Verify(token, "pip_1", Secret, Now).Should().Be(ChallengeTokenCheck.Valid);
        ChallengeTokens.Verify(token, "pip_1", Secret, Now.AddHours(1).AddSeconds(-1)).Should().Be(ChallengeTokenCheck.Valid);
        ChallengeTokens.Verify(token, "pip_1", Secret, Now.AddHours(1)).Should().Be(ChallengeTokenCheck.Expired);
    }

    [Fact]
    public void Tokens_AreUniqueEvenForTheSameExpiry() =>
        ChallengeTokens.Issue("pip_1", Secret, Now).Should().NotBe(ChallengeTokens.Issue("pip_1", Secret, Now));

    [Fact]
    public void OtherSecret_FailsTheSignature() =>
        ChallengeTokens.Verify(ChallengeTokens.Issue("pip_1", Secret, Now.AddHours(1)), "pip_1", Secret + "x", Now)
            .Should().Be(ChallengeTokenCheck.BadSignature);

    [Fact]
    public void TokenOfAnotherPipeline_IsRefused() =>
        ChallengeTokens.Verify(ChallengeTokens.Issue("pip_2", Secret, Now.AddHours(1)), "pip_1", Secret, Now)
            .Should().Be(ChallengeTokenCheck.OtherPipeline);

    [Fact]
    public void ExtendedExpiry_IsDetectedAsTampering()
    {
        var token = ChallengeTokens.Issue("pip_1", Secret, Now.AddHours(1));
        var parts = token.Split('.');
        parts[1] = (long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) + 86_400).ToString(System.Globalization.CultureInfo.InvariantCulture);

        ChallengeTokens.Verify(string.Join('.', parts), "pip_1", Secret, Now).Should().Be(ChallengeTokenCheck.BadSignature);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ct_")]
    [InlineData("xx_pip_1.1.a.b")]
    [InlineData("ct_pip_1.soon.a.b")]
    [InlineData("ct_pip_1.1.a")]
    [InlineData("ct_pip_1.1.a.!!")]
    public void MalformedToken_IsRefused(string token) =>
        ChallengeTokens.Verify(token, "pip_1", Secret, Now).Should().Be(ChallengeTokenCheck.Malformed);
}
