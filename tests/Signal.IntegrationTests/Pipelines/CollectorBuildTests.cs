using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Signal.Application.Pipelines.BuildCollector;
using Signal.IntegrationTests.Infrastructure;
using static Signal.IntegrationTests.Pipelines.PipelineApi;

namespace Signal.IntegrationTests.Pipelines;

/// <summary>Collector builds end to end: queue, background worker, status, download, and the JavaScript itself.</summary>
public sealed class CollectorBuildTests(CollectorWorkerApiFactory factory)
    : ApiTest(factory), IClassFixture<CollectorWorkerApiFactory>
{
    private HttpClient Editor() => Factory.CreateClient(Org, "editor");

    [Fact]
    public async Task Lifecycle_GoesFromNoBuildsToBuildingToReady_AndTheDownloadMatches()
    {
        var pipeline = await Editor().CreatePipelineAsync(SeedCreate);
        var id = pipeline.Id();

        var before = await Status(id);
        before["status"]!.GetValue<string>().Should().Be("no_builds");
        before["build_id"].Should().BeNull();
        await (await Editor().GetAsync($"{PipelinesPath}/{id}/collector/download")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");

        using var build = await Editor().PostAsync(new Uri($"{PipelinesPath}/{id}/collector/build", UriKind.Relative), null);
        var accepted = await build.ShouldBeAsync(HttpStatusCode.Accepted);
        accepted["status"]!.GetValue<string>().Should().Be("building");
        accepted["pipeline_id"]!.GetValue<string>().Should().Be(id);

        var ready = await WaitForReadyAsync(id);
        ready["build_id"]!.GetValue<string>().Should().Be(accepted["build_id"]!.GetValue<string>()).And.StartWith("bld_");

        using var download = await Editor().GetAsync($"{PipelinesPath}/{id}/collector/download");
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.Should().Be("application/javascript");
        download.Content.Headers.ContentDisposition!.FileName.Should().Be("d.js");
        var bytes = await download.Content.ReadAsByteArrayAsync();
        bytes.Length.Should().Be(ready["file_size_bytes"]!.GetValue<int>());
        var hash = ready["version_hash"]!.GetValue<string>();
        Convert.ToHexStringLower(SHA256.HashData(bytes)).Should().StartWith(hash);
        download.Headers.ETag!.Tag.Should().Be($"\"{hash}\"");

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"{PipelinesPath}/{id}/collector/download");
        conditional.Headers.IfNoneMatch.Add(download.Headers.ETag);
        (await Editor().SendAsync(conditional)).StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task SameConfig_GivesTheSameVersionHash_AndAChangedConfigAnother()
    {
        var id = (await Editor().CreatePipelineAsync(SeedCreate)).Id();
        var first = await BuildAsync(id);
        var second = await BuildAsync(id);
        (await Editor().PutJsonAsync($"{PipelinesPath}/{id}", """{"js_builder_config":{"global_variable":"_sg"}}""")).StatusCode.Should().Be(HttpStatusCode.OK);
        var third = await BuildAsync(id);

        second["build_id"]!.GetValue<string>().Should().NotBe(first["build_id"]!.GetValue<string>());
        second["version_hash"]!.GetValue<string>().Should().Be(first["version_hash"]!.GetValue<string>());
        third["version_hash"]!.GetValue<string>().Should().NotBe(first["version_hash"]!.GetValue<string>());
    }

    [Fact]
    public async Task Collector_ParsesWithNodeCheck()
    {
        var script = await BuiltScriptAsync("""{"name":"Parse","js_builder_config":{"cross_domain":true,"consent_config":{"required":true}},"identity_config":{"cross_domain_domains":["shop.example.com","*.example.org"]}}""");

        var (exitCode, _, error) = await RunNodeAsync("--check", script);

        exitCode.Should().Be(0, error);
    }

    [Fact]
    public async Task Collector_RunInNode_SendsTrackCallsWithThePipelineKeyToTheIngestUrl()
    {
        var pipeline = await Editor().CreatePipelineAsync("""{"name":"Run","js_builder_config":{"global_variable":"_sig"}}""");
        var script = await ScriptOfAsync(pipeline.Id());

        var (exitCode, output, error) = await RunNodeAsync(HarnessPath, script, "track", "_sig");

        exitCode.Should().Be(0, error);
        var result = JsonNode.Parse(output)!;
        var sent = result["sent"]!.AsArray();
        sent.Select(s => s!["body"]!["type"]!.GetValue<string>()).Should().Equal("track", "page", "identify", "track");
        var purchase = sent[^1]!;
        purchase["url"]!.GetValue<string>().Should().Be(SignalApiFactory.CollectorIngestUrl);
        purchase["method"]!.GetValue<string>().Should().Be("POST");
        purchase["headers"]!["Content-Type"]!.GetValue<string>().Should().Be("application/json");
        var body = purchase["body"]!;
        body["pipeline_key"]!.GetValue<string>().Should().Be(pipeline["pipeline_key"]!.GetValue<string>());
        body["event"]!.GetValue<string>().Should().Be("Purchase");
        body["properties"]!["value"]!.GetValue<int>().Should().Be(10);
        body["user_id"]!.GetValue<string>().Should().Be("user_42");
        body["anonymous_id"]!.GetValue<string>().Should().Be(result["anonymousId"]!.GetValue<string>());
        body["context"]!["url"]!.GetValue<string>().Should().Be("https://www.example.com/shop?ref=1");
        sent[0]!["body"]!["event"]!.GetValue<string>().Should().Be("Queued Before Load", "calls queued by the snippet are replayed");
    }

    [Fact]
    public async Task Collector_WithConsentRequired_SendsNothingUntilConsentIsGiven()
    {
        var pipeline = await Editor().CreatePipelineAsync("""{"name":"Consent","js_builder_config":{"consent_config":{"required":true}}}""");
        var script = await ScriptOfAsync(pipeline.Id());

        var (exitCode, output, error) = await RunNodeAsync(HarnessPath, script, "consent", "_df");

        exitCode.Should().Be(0, error);
        var result = JsonNode.Parse(output)!;
        result["before"]!.GetValue<int>().Should().Be(0);
        result["sent"]!.AsArray().Select(s => s!["body"]!["event"]!.GetValue<string>())
            .Should().Equal("Queued Before Load", "Before Consent", "After Consent");
    }

    private static string HarnessPath => Path.Combine(AppContext.BaseDirectory, "Pipelines", "collector-harness.js");

    private Task<JsonNode> Status(string id) => Editor().CollectorStatusAsync(id);

    private Task<JsonNode> WaitForReadyAsync(string id) => Editor().WaitForCollectorAsync(id);

    private Task<JsonNode> BuildAsync(string id) => Editor().BuildCollectorAsync(id);

    private async Task<string> BuiltScriptAsync(string createBody) => await ScriptOfAsync((await Editor().CreatePipelineAsync(createBody)).Id());

    /// <summary>Builds the pipeline's collector and saves it to a temporary file.</summary>
    private async Task<string> ScriptOfAsync(string id)
    {
        await BuildAsync(id);
        var content = await (await Editor().GetAsync($"{PipelinesPath}/{id}/collector/download")).Content.ReadAsStringAsync();
        var path = Path.Combine(Path.GetTempPath(), $"signal-collector-{Guid.NewGuid():N}.js");
        await File.WriteAllTextAsync(path, content);
        return path;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunNodeAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}

/// <summary>With no worker running, a queued build stays queued: a second request finds it instead of adding one.</summary>
public sealed class CollectorBuildQueueTests(SignalApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task BuildRequestedTwiceWhileBuilding_YieldsOneJob()
    {
        var client = Factory.CreateClient("org_test", "editor");
        var id = (await client.CreatePipelineAsync(SeedCreate)).Id();

        var first = await (await client.PostAsync(new Uri($"{PipelinesPath}/{id}/collector/build", UriKind.Relative), null)).ShouldBeAsync(HttpStatusCode.Accepted);
        var second = await (await client.PostAsync(new Uri($"{PipelinesPath}/{id}/collector/build", UriKind.Relative), null)).ShouldBeAsync(HttpStatusCode.Accepted);

        second["build_id"]!.GetValue<string>().Should().Be(first["build_id"]!.GetValue<string>());
        (await Db.ScalarAsync<long>("SELECT count(*) FROM collector_builds")).Should().Be(1);
        var status = await (await client.GetAsync($"{PipelinesPath}/{id}/collector/status")).ShouldBeAsync(HttpStatusCode.OK);
        status["status"]!.GetValue<string>().Should().Be("building");
    }

    [Fact]
    public async Task BuildOfAPipelineDeletedWhileQueued_Fails_WithTheReason()
    {
        var client = Factory.CreateClient("org_test", "editor");
        var id = (await client.CreatePipelineAsync(SeedCreate)).Id();
        (await client.PostAsync(new Uri($"{PipelinesPath}/{id}/collector/build", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await Factory.CreateClient("org_test", "admin").DeleteAsync(new Uri($"{PipelinesPath}/{id}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        // What the worker does on its next round.
        await using var scope = Factory.Services.CreateAsyncScope();
        var built = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new BuildNextCollectorCommand());

        built.Should().BeTrue();
        var (status, error) = (await Db.QueryAsync<(string, string)>("SELECT status, error FROM collector_builds")).Single();
        status.Should().Be("failed");
        error.Should().Contain("deleted");
    }
}
