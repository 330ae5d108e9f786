using System.Reflection;
using Signal.Api.Auth;
using Signal.IntegrationTests.Hosting;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Contract;

/// <summary>
/// The TypeScript client in clients/typescript: the checked-in source is what NSwag generates from the contract
/// today, it compiles, and its Node test (node's own runner) drives a partner's scenario against the API running as a
/// process — typed problem errors included.
/// </summary>
public sealed class TypeScriptClientTests(SignalApiFactory factory) : ApiTest(factory), IClassFixture<SignalApiFactory>
{
    private static readonly string Client = Path.Combine(RepositoryPaths.Root, "clients", "typescript");

    [Fact]
    public async Task TheCheckedInClient_IsWhatTheContractGenerates()
    {
        var output = await Tool.RunAsync("node", Client, null, "scripts/generate.mjs", NSwagCommand(), "--check");

        output.Should().Contain("up to date");
    }

    [Fact]
    public async Task TheNodeTest_RunsThePartnerScenario_AgainstTheApi()
    {
        Directory.Exists(Path.Combine(Client, "node_modules")).Should().BeTrue(
            "the client's tools are installed by scripts/test (npm ci in clients/typescript/); run the tests with it");
        await Tool.RunAsync("npm", Client, null, "run", "build");
        await using var api = await ApiProcess.StartAsync(new Dictionary<string, string>());
        var token = TestTokens.Mint(Factory.AuthOptions, new TokenRequest("user_typescript", Org, "admin", null, TimeSpan.FromHours(1)));

        var output = await Tool.RunAsync("npm", Client,
            new Dictionary<string, string> { ["SIGNAL_URL"] = api.BaseAddress.ToString(), ["SIGNAL_TOKEN"] = token }, "test");

        output.Should().Contain("# pass 2").And.Contain("# fail 0");
    }

    /// <summary>The NSwag command line the build knows (NSwag.MSBuild's <c>NSwagExe_Net100</c>), recorded in this assembly.</summary>
    private static string NSwagCommand() =>
        typeof(TypeScriptClientTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NSwagExe").Value!;
}
