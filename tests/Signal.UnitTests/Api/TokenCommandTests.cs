using Signal.Api.Auth;

namespace Signal.UnitTests.Api;

public sealed class TokenCommandTests
{
    private static readonly AuthOptions Options = new() { SigningKey = "unit-test-signing-key-of-32-bytes-or-more" };

    [Theory]
    [InlineData("--role", "admin")]
    [InlineData("--org", "org_demo", "--role", "root")]
    [InlineData("--org", "org_demo", "--role", "admin", "--ttl", "8x")]
    [InlineData("--org", "org_demo", "--role", "admin", "--ttl", "0h")]
    [InlineData("--org", "org_demo", "--role", "admin", "--colour", "blue")]
    [InlineData("--org")]
    public void BadArguments_ExitWith2AndPrintUsage(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        TokenCommand.Run(args, Options, output, error).Should().Be(2);

        output.ToString().Should().BeEmpty();
        error.ToString().Should().Contain("usage: token");
    }

    [Fact]
    public void WithoutSigningKey_ExitsWith2()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        TokenCommand.Run(["--org", "org_demo", "--role", "admin"], new AuthOptions(), output, error).Should().Be(2);

        error.ToString().Should().Contain("Auth:SigningKey");
    }

    [Fact]
    public void ValidArguments_PrintOneJwt()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        TokenCommand.Run(["--org", "org_demo", "--role", "admin", "--ttl", "8h"], Options, output, error).Should().Be(0);

        output.ToString().Trim().Split('.').Should().HaveCount(3);
    }

    [Theory]
    [InlineData(null, null, "set exactly one of")]
    [InlineData("short", null, "at least 32 bytes")]
    [InlineData("unit-test-signing-key-of-32-bytes-or-more", "https://login.example", "set exactly one of")]
    public void AuthOptions_ReportWhatIsWrong(string? key, string? authority, string expected) =>
        new AuthOptions { SigningKey = key, Authority = authority }.FindProblems().Should().Contain(p => p.Contains(expected));
}
