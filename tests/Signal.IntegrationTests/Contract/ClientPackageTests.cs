using System.IO.Compression;
using System.Xml.Linq;
using Signal.Api.Auth;
using Signal.IntegrationTests.Hosting;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Contract;

/// <summary>
/// The C# client as a NuGet user gets it: <c>dotnet pack src/Signal.Client</c> makes a package with its README, XML docs
/// and metadata; a throwaway console project outside the repository installs it from a local folder (no other package
/// source) and calls the API running as a process: lists the catalog, creates a pipeline, checks it with HEAD and reads
/// a validation problem.
/// </summary>
public sealed class ClientPackageTests(SignalApiFactory factory) : ApiTest(factory), IClassFixture<SignalApiFactory>, IDisposable
{
    private const string Version = "1.0.0";

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("signal-client-package-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task ThePackage_InstallsFromAFolder_AndCallsTheApi()
    {
        var feed = _work.CreateSubdirectory("feed").FullName;
        await RunAsync(RepositoryPaths.Root, "pack", Path.Combine("src", "Signal.Client"), "--no-build", "-c", RepositoryPaths.Configuration, "-o", feed);

        var package = Path.Combine(feed, $"Signal.Client.{Version}.nupkg");
        ShouldHaveTheMetadataANuGetUserExpects(package);

        var app = _work.CreateSubdirectory("app").FullName;
        await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), $"""
            <configuration>
              <packageSources><clear /><add key="local" value="{feed}" /></packageSources>
            </configuration>
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup><PackageReference Include="Signal.Client" Version="{Version}" /></ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), ProgramSource);

        await using var api = await ApiProcess.StartAsync(new Dictionary<string, string>());
        var token = TestTokens.Mint(Factory.AuthOptions, new TokenRequest("user_package", Org, "editor", null, TimeSpan.FromHours(1)));
        var output = await RunAsync(app, new Dictionary<string, string> { ["SIGNAL_URL"] = api.BaseAddress.ToString(), ["SIGNAL_TOKEN"] = token }, "run");

        output.Should().Contain("vendors: 39").And.Contain("created: pip_").And.Contain("head: ok").And.Contain("problem: 400 validation_failed rate_limit_rps");
        (await Db.ScalarAsync<long>("SELECT count(*) FROM pipelines WHERE name = 'From the package'")).Should().Be(1);
    }

    private static void ShouldHaveTheMetadataANuGetUserExpects(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        zip.Entries.Select(e => e.FullName).Should().Contain(["README.md", "lib/net10.0/Signal.Client.dll", "lib/net10.0/Signal.Client.xml"]);
        using var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Field(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
        (Field("id"), Field("version"), Field("readme")).Should().Be(("Signal.Client", Version, "README.md"));
        Field("authors").Should().NotBeNullOrWhiteSpace();
        Field("description").Should().Contain("Signal Management API");
        Field("tags").Should().Contain("openapi");
    }

    private const string ProgramSource = """
        using Signal.Client;

        var http = new HttpClient { BaseAddress = new Uri(Environment.GetEnvironmentVariable("SIGNAL_URL")!) };
        var options = new SignalClientOptions(_ => ValueTask.FromResult(Environment.GetEnvironmentVariable("SIGNAL_TOKEN")!));
        var pipelines = new PipelinesClient(options, http);

        var vendors = await new IntegrationCatalogClient(options, http).ListAsync();
        Console.WriteLine($"vendors: {vendors.Total}");
        var created = await pipelines.CreateAsync(new CreatePipelineRequest { Name = "From the package" });
        Console.WriteLine($"created: {created.Id}");
        await pipelines.HeadGetAsync(created.Id);
        Console.WriteLine("head: ok");
        try
        {
            await pipelines.CreateAsync(new CreatePipelineRequest { Name = "Refused", RateLimitRps = 0 });
        }
        catch (SignalApiException<ApiProblem> e)
        {
            Console.WriteLine($"problem: {e.StatusCode} {e.Result.Code} {string.Join(",", e.Result.Errors.Keys)}");
        }
        """;

    private Task<string> RunAsync(string directory, params string[] arguments) =>
        RunAsync(directory, new Dictionary<string, string>(), arguments);

    /// <summary>Runs <c>dotnet</c> with its own package folder, so nothing cached from an earlier run is used.</summary>
    private Task<string> RunAsync(string directory, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        Tool.RunAsync("dotnet", directory,
            new Dictionary<string, string>(environment) { ["NUGET_PACKAGES"] = Path.Combine(_work.FullName, "packages") }, arguments);
}
