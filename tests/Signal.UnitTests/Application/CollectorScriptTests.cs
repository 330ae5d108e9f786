using Signal.Application.Pipelines.Collector;
using Signal.Domain.Pipelines;

namespace Signal.UnitTests.Application;

public sealed class CollectorScriptTests
{
    [Fact]
    public void SameSettings_GiveTheSameBytesAndHash()
    {
        var first = CollectorScript.Generate("dk_pip_1", "https://ingest.example/v1", JsBuilderConfig.Default, IdentityConfig.Default);
        var second = CollectorScript.Generate("dk_pip_1", "https://ingest.example/v1", JsBuilderConfig.Default, IdentityConfig.Default);

        second.Content.Should().Be(first.Content);
        second.VersionHash.Should().Be(first.VersionHash).And.MatchRegex("^[0-9a-f]{16}$");
        first.SizeBytes.Should().Be(System.Text.Encoding.UTF8.GetByteCount(first.Content));
        first.Filename.Should().Be("d.js");
    }

    [Fact]
    public void DifferentSettings_GiveAnotherHash()
    {
        var first = CollectorScript.Generate("dk_pip_1", "https://ingest.example/v1", JsBuilderConfig.Default, IdentityConfig.Default);
        var other = CollectorScript.Generate("dk_pip_1", "https://ingest.example/v1", JsBuilderConfig.Default with { GlobalVariable = "_sg" }, IdentityConfig.Default);

        other.VersionHash.Should().NotBe(first.VersionHash);
        other.Content.Should().Contain("\"globalVariable\":\"_sg\"");
    }

    [Fact]
    public void ConfiguredValues_CannotBreakOutOfTheScript()
    {
        var script = CollectorScript.Generate("dk_pip_1", "https://x.example/</script><script>alert(1)</script>", JsBuilderConfig.Default, IdentityConfig.Default);

        script.Content.Should().NotContain("</script>");
    }

    [Fact]
    public void CrossDomainDomains_AreIncludedOnlyWhenCrossDomainIsOn()
    {
        var identity = IdentityConfig.Default with { CrossDomainDomains = ["shop.example.com"] };

        CollectorScript.Generate("dk_pip_1", "https://i.example", JsBuilderConfig.Default, identity).Content
            .Should().Contain("\"crossDomain\":{\"enabled\":false,\"domains\":[]}");
        CollectorScript.Generate("dk_pip_1", "https://i.example", JsBuilderConfig.Default with { CrossDomain = true }, identity).Content
            .Should().Contain("\"crossDomain\":{\"enabled\":true,\"domains\":[\"shop.example.com\"]}");
    }
}
