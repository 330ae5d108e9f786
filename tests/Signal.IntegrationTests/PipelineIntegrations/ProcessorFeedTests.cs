using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Signal.Application.Processor;
using Signal.Infrastructure.Processor;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.Pipelines;
using static Signal.IntegrationTests.PipelineIntegrations.AssignmentApi;

namespace Signal.IntegrationTests.PipelineIntegrations;

/// <summary>
/// The processor feed, its version, conditional requests and <c>since</c>. The feed is read <see cref="PageSize"/>
/// pipelines at a time here, so every test with more pipelines than that crosses pages.
/// </summary>
public sealed class ProcessorFeedTests(ProcessorFeedTests.CountingFeedApiFactory factory)
    : ApiTest<ProcessorFeedTests.CountingFeedApiFactory>(factory), IClassFixture<ProcessorFeedTests.CountingFeedApiFactory>
{
    private const string FeedPath = "/v1/processor/config";

    private const int PageSize = 2;

    private HttpClient Editor() => Factory.CreateClient("org_test", "editor");

    private HttpClient Admin() => Factory.CreateClient("org_test", "admin");

    [Fact]
    public async Task Feed_HasEveryLivePipelineWithDecryptedSecretAndResolvedDecryptedConfigs()
    {
        var template = await Editor().InstallGa4WithReferencesAsync();
        var created = await Editor().CreatePipelineAsync("""
            {"name":"Live","domain_allowlist":["www.example.com"],"rate_limit_rps":50,"challenge_token_required":true,
             "parameters":{"ga4_measurement_id":"G-LIVE","ga4_api_secret":"live-api-secret-9999"}}
            """);
        var live = created.Id();
        var assigned = await Editor().AssignAsync(live, template);
        var disabled = await Editor().CreatePipelineWithGa4ParametersAsync("Disabled", "G-X", "x");
        (await Editor().PutJsonAsync($"{PipelineApi.PipelinesPath}/{disabled}", """{"enabled":false}""")).StatusCode.Should().Be(HttpStatusCode.OK);
        var paused = await Editor().AssignAsync(await Editor().CreatePipelineWithGa4ParametersAsync("Paused", "G-P", "p"), template, ""","enabled":false""");

        var (feed, _) = await GetFeedAsync();

        var pipelines = feed["pipelines"]!.AsArray();
        pipelines.Select(p => p!["pipeline_id"]!.GetValue<string>()).Should().Contain(live).And.NotContain(disabled);
        var entry = pipelines.Single(p => p!["pipeline_id"]!.GetValue<string>() == live)!;
        entry["org_id"]!.GetValue<string>().Should().Be("org_test");
        entry["pipeline_key"]!.GetValue<string>().Should().Be($"dk_{live}");
        entry["pipeline_key_secret"]!.GetValue<string>().Should().Be(created["pipeline_key_secret"]!.GetValue<string>());
        entry["domain_allowlist"]!.AsArray().Select(d => d!.GetValue<string>()).Should().Equal("www.example.com");
        entry["rate_limit_rps"]!.GetValue<int>().Should().Be(50);
        entry["challenge_token_required"]!.GetValue<bool>().Should().BeTrue();
        var integration = entry["integrations"]!.AsArray().Single()!;
        integration["id"]!.GetValue<string>().Should().Be(assigned["id"]!.GetValue<string>());
        integration["vendor"]!.GetValue<string>().Should().Be("ga4");
        integration["revision_number"]!.GetValue<int>().Should().Be(1);
        integration["delivery_mode"]!.GetValue<string>().Should().Be("server_side");
        integration["config"]!["measurement_id"]!.GetValue<string>().Should().Be("G-LIVE");
        integration["config"]!["api_secret"]!.GetValue<string>().Should().Be("live-api-secret-9999", "the processor gets real values");
        pipelines.Single(p => p!["pipeline_id"]!.GetValue<string>() == paused["pipeline_id"]!.GetValue<string>())!["integrations"]!
            .AsArray().Should().BeEmpty("a paused integration is not delivered to");
        feed["removed_pipeline_keys"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task DecryptedRevisionSecrets_ReachTheProcessor()
    {
        var template = await Editor().InstallMetaTemplateAsync();
        var pipeline = (await Editor().CreatePipelineAsync("""{"name":"Meta"}""")).Id();
        await Editor().AssignAsync(pipeline, template);

        var (feed, _) = await GetFeedAsync();

        feed["pipelines"]!.AsArray().Single(p => p!["pipeline_id"]!.GetValue<string>() == pipeline)!["integrations"]![0]!["config"]!
            ["access_token"]!.GetValue<string>().Should().Be("EAABsb-seed-token-5678");
    }

    [Fact]
    public async Task Version_IncreasesWithEveryChangeThatAffectsTheFeed()
    {
        var template = await Editor().InstallGa4WithReferencesAsync();
        var pipeline = await Editor().CreatePipelineWithGa4ParametersAsync("Versioned", "G-1", "s");
        var versions = new List<long> { await VersionAsync() };

        var assigned = await Editor().AssignAsync(pipeline, template);
        versions.Add(await VersionAsync());
        await Editor().PutJsonAsync($"{PipelineApi.PipelinesPath}/{pipeline}", """{"parameters":{"ga4_measurement_id":"G-2"}}""");
        versions.Add(await VersionAsync());
        await Editor().AddGa4RevisionAsync(template, "G-V2");
        var afterRevision = await VersionAsync();
        await Editor().PutJsonAsync($"{IntegrationsPath(pipeline)}/{assigned["id"]}", """{"revision_number":2}""");
        versions.Add(await VersionAsync());
        await Admin().PostAsync(new Uri($"{PipelineApi.PipelinesPath}/{pipeline}/rotate-secret", UriKind.Relative), null);
        versions.Add(await VersionAsync());
        await Editor().DeleteAsync(new Uri($"{IntegrationsPath(pipeline)}/{assigned["id"]}", UriKind.Relative));
        versions.Add(await VersionAsync());
        await Admin().DeleteAsync(new Uri($"{PipelineApi.PipelinesPath}/{pipeline}", UriKind.Relative));
        versions.Add(await VersionAsync());

        versions.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        afterRevision.Should().Be(versions[2], "a new revision changes no pipeline until it is deployed");
    }

    [Fact]
    public async Task UnchangedVersion_Answers304WithoutReadingTheDatabase_AndAChangeIsSeenAtOnce()
    {
        await Editor().CreatePipelineAsync("""{"name":"Cached"}""");
        var (_, etag) = await GetFeedAsync();
        await WaitUntilAsync(async () => (await ConditionalAsync(etag)).StatusCode == HttpStatusCode.NotModified);

        var loadsBefore = Factory.FeedLoads;
        for (var i = 0; i < 20; i++)
        {
            using var notModified = await ConditionalAsync(etag);
            notModified.StatusCode.Should().Be(HttpStatusCode.NotModified);
            notModified.Headers.ETag!.Tag.Should().Be(etag);
            notModified.Headers.CacheControl!.NoStore.Should().BeTrue();
            notModified.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        }

        Factory.FeedLoads.Should().Be(loadsBefore, "a 304 never builds the snapshot");

        await Editor().CreatePipelineAsync("""{"name":"Changed"}""");
        await WaitUntilAsync(async () => (await ConditionalAsync(etag)).StatusCode == HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("\"v0\", {0}")]
    [InlineData("W/{0}")]
    [InlineData("*")]
    public async Task AnIfNoneMatchListOrWeakTagNamingTheVersion_Answers304FromMemory(string header)
    {
        await Editor().CreatePipelineAsync("""{"name":"Listed"}""");
        var (_, etag) = await GetFeedAsync();
        await WaitUntilAsync(async () => (await ConditionalAsync(etag)).StatusCode == HttpStatusCode.NotModified);
        var loadsBefore = Factory.FeedLoads;

        using var response = await ConditionalAsync(string.Format(CultureInfo.InvariantCulture, header, etag));

        response.StatusCode.Should().Be(HttpStatusCode.NotModified);
        response.Headers.ETag!.Tag.Should().Be(etag);
        Factory.FeedLoads.Should().Be(loadsBefore);
    }

    [Fact]
    public async Task Since_ReturnsExactlyTheChangedPipelines_AndTheKeysThatStoppedBeingValid()
    {
        var template = await Editor().InstallGa4WithReferencesAsync();
        var untouched = await Editor().CreatePipelineWithGa4ParametersAsync("Untouched", "G-U", "u");
        var changed = await Editor().CreatePipelineWithGa4ParametersAsync("Changed", "G-C", "c");
        var disabled = await Editor().CreatePipelineWithGa4ParametersAsync("Disabled", "G-D", "d");
        var deleted = await Editor().CreatePipelineWithGa4ParametersAsync("Deleted", "G-X", "x");
        var rotated = await Editor().CreatePipelineWithGa4ParametersAsync("Rotated", "G-R", "r");
        var since = await VersionAsync();

        await Editor().AssignAsync(changed, template);
        await Editor().PutJsonAsync($"{PipelineApi.PipelinesPath}/{disabled}", """{"enabled":false}""");
        await Admin().DeleteAsync(new Uri($"{PipelineApi.PipelinesPath}/{deleted}", UriKind.Relative));
        var newSecret = (await (await Admin().PostAsync(new Uri($"{PipelineApi.PipelinesPath}/{rotated}/rotate-secret", UriKind.Relative), null))
            .ShouldBeAsync(HttpStatusCode.OK))["pipeline_key_secret"]!.GetValue<string>();

        var (delta, _) = await GetFeedAsync($"?since={since}");

        var pipelines = delta["pipelines"]!.AsArray();
        pipelines.Select(p => p!["pipeline_id"]!.GetValue<string>()).Should().BeEquivalentTo(changed, rotated);
        pipelines.Single(p => p!["pipeline_id"]!.GetValue<string>() == changed)!["integrations"]!.AsArray().Should().HaveCount(1);
        pipelines.Single(p => p!["pipeline_id"]!.GetValue<string>() == rotated)!["pipeline_key_secret"]!.GetValue<string>().Should().Be(newSecret);
        delta["removed_pipeline_keys"]!.AsArray().Select(k => k!.GetValue<string>()).Should().BeEquivalentTo($"dk_{disabled}", $"dk_{deleted}");
        delta["version"]!.GetValue<long>().Should().BeGreaterThan(since);
        _ = untouched;

        var (nothing, _) = await GetFeedAsync($"?since={delta["version"]}");
        nothing["pipelines"]!.AsArray().Should().BeEmpty();
        nothing["removed_pipeline_keys"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task AFeedOfSeveralPages_HasEveryLivePipelineOnceInIdOrder_EachWithItsOwnIntegrations()
    {
        var template = await Editor().InstallGa4WithReferencesAsync();
        var other = await Editor().InstallMetaTemplateAsync();
        var ids = new List<string>();
        for (var i = 0; i < 2 * PageSize + 1; i++)
        {
            ids.Add(await Editor().CreatePipelineWithGa4ParametersAsync($"Paged {i}", $"G-{i}", $"s{i}"));
        }

        // Integrations on the last pipeline of a page, the first of the next, and the lone pipeline of the last page.
        var assigned = new Dictionary<string, string[]>
        {
            [ids[PageSize - 1]] = [template, other],
            [ids[PageSize]] = [template],
            [ids[^1]] = [other],
        };
        foreach (var (pipeline, templates) in assigned)
        {
            foreach (var t in templates)
            {
                await Editor().AssignAsync(pipeline, t);
            }
        }

        var disabled = await Editor().CreatePipelineWithGa4ParametersAsync("Disabled", "G-D", "d");
        (await Editor().PutJsonAsync($"{PipelineApi.PipelinesPath}/{disabled}", """{"enabled":false}""")).StatusCode.Should().Be(HttpStatusCode.OK);

        var (feed, _) = await GetFeedAsync();

        var pipelines = feed["pipelines"]!.AsArray().Select(p => p!).ToList();
        pipelines.Select(p => p["pipeline_id"]!.GetValue<string>()).Should().Equal(ids.Order(StringComparer.Ordinal));
        foreach (var pipeline in pipelines)
        {
            var id = pipeline["pipeline_id"]!.GetValue<string>();
            var integrations = pipeline["integrations"]!.AsArray();
            integrations.Select(i => i!["integration_id"]!.GetValue<string>())
                .Should().Equal(assigned.GetValueOrDefault(id, []), $"{id} has exactly its own integrations, in the order they were assigned");
            foreach (var ga4 in integrations.Where(i => i!["vendor"]!.GetValue<string>() == "ga4"))
            {
                ga4!["config"]!["measurement_id"]!.GetValue<string>().Should().Be($"G-{ids.IndexOf(id)}", "each config is resolved with its own pipeline's parameters");
            }
        }
    }

    [Fact]
    public async Task ThePagesOfAFeed_AllBelongToTheMomentItsVersionWasRead()
    {
        var ids = new List<string>();
        for (var i = 0; i < 2 * PageSize; i++)
        {
            ids.Add((await Editor().CreatePipelineAsync($$"""{"name":"Snapshot {{i}}"}""")).Id());
        }

        await using var scope = Factory.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetRequiredService<IProcessorFeedSource>();
        var snapshot = await source.OpenAsync(since: null, CancellationToken.None);
        await using var pages = snapshot.LivePipelines.GetAsyncEnumerator();
        (await pages.MoveNextAsync()).Should().BeTrue();
        var read = pages.Current.Pipelines.Select(p => p.Id).ToList();

        // Committed while the feed is being written: a new pipeline (its id sorts last) and a later page's pipeline disabled.
        var added = (await Editor().CreatePipelineAsync("""{"name":"Too late"}""")).Id();
        (await Editor().PutJsonAsync($"{PipelineApi.PipelinesPath}/{ids[^1]}", """{"enabled":false}""")).StatusCode.Should().Be(HttpStatusCode.OK);
        while (await pages.MoveNextAsync())
        {
            read.AddRange(pages.Current.Pipelines.Select(p => p.Id));
        }

        read.Should().Equal(ids.Order(StringComparer.Ordinal), "the whole feed is the snapshot of its version")
            .And.NotContain(added);
        (await VersionAsync()).Should().BeGreaterThan(snapshot.Version, "the changes are in the next version");
    }

    [Theory]
    [InlineData("?since=-1")]
    [InlineData("?since=abc")]
    public async Task InvalidSince_Returns400(string query)
    {
        using var response = await Processor().GetAsync($"{FeedPath}{query}");

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorsFor("since").Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("owner")]
    public async Task UserTokens_AreForbiddenOnTheFeed(string role)
    {
        using var response = await Factory.CreateClient("org_test", role).GetAsync(FeedPath);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("owner")]
    public async Task UserTokens_AreForbiddenOnTheFeed_AlsoWhenTheyPollTheCurrentVersion(string role)
    {
        var user = Factory.CreateClient("org_test", role);
        await Factory.WaitForFeedVersionAsync();
        for (var poll = 0; poll < 2; poll++)
        {
            // The second time with a token this instance has validated and remembers.
            using var request = new HttpRequestMessage(HttpMethod.Get, FeedPath);
            request.Headers.TryAddWithoutValidation("If-None-Match", "*");

            using var response = await user.SendAsync(request);

            await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        }
    }

    [Fact]
    public async Task NoToken_Is401_AndTheProcessorTokenIsForbiddenOnAdminEndpoints()
    {
        await (await Factory.CreateClient().GetAsync(FeedPath)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await Processor().GetAsync(PipelineApi.PipelinesPath)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    private HttpClient Processor() => Factory.CreateProcessorClient();

    private async Task<(JsonNode Feed, string ETag)> GetFeedAsync(string query = "")
    {
        using var response = await Processor().GetAsync($"{FeedPath}{query}");
        var feed = await response.ShouldBeAsync(HttpStatusCode.OK);
        response.Headers.ETag!.Tag.Should().Be($"\"v{feed["version"]}\"");
        return (feed, response.Headers.ETag.Tag);
    }

    private async Task<long> VersionAsync() => (await GetFeedAsync()).Feed["version"]!.GetValue<long>();

    private async Task<HttpResponseMessage> ConditionalAsync(string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, FeedPath);
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        return await Processor().SendAsync(request);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the feed version should follow within seconds (LISTEN/NOTIFY)");
            await Task.Delay(50);
        }
    }

    /// <summary>The API with a feed source that counts how often the snapshot is read.</summary>
    public sealed class CountingFeedApiFactory : SignalApiFactory
    {
        private int _feedLoads;

        public int FeedLoads => Volatile.Read(ref _feedLoads);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Feed:PageSize", PageSize.ToString(CultureInfo.InvariantCulture));
            builder.ConfigureServices(services =>
            {
                services.AddScoped<ProcessorFeedSource>();
                services.AddScoped<IProcessorFeedSource>(provider =>
                    new CountingSource(provider.GetRequiredService<ProcessorFeedSource>(), () => Interlocked.Increment(ref _feedLoads)));
            });
        }

        private sealed class CountingSource(IProcessorFeedSource inner, Action counted) : IProcessorFeedSource
        {
            public Task<FeedSnapshot> OpenAsync(long? since, CancellationToken cancellationToken)
            {
                counted();
                return inner.OpenAsync(since, cancellationToken);
            }
        }
    }
}
