using System.Net;
using System.Text.Json.Nodes;
using Signal.IntegrationTests.Infrastructure;
using static Signal.IntegrationTests.Pipelines.PipelineApi;

namespace Signal.IntegrationTests.Pipelines;

public sealed class PipelineCrudTests(SignalApiFactory factory) : ApiTest(factory)
{
    private static readonly string[] PipelineFields =
    [
        "id", "org_id", "name", "slug", "type", "pipeline_key", "pipeline_key_secret_prefix", "domain_allowlist", "labels",
        "rate_limit_rps", "challenge_token_required", "parameters", "config", "js_builder_config", "identity_config",
        "enabled", "created_at", "updated_at",
    ];

    private HttpClient Editor() => Factory.CreateClient(Org, "editor");

    [Fact]
    public async Task Create_SeedExample_ReturnsTheSeedShapeWithTheSecretOnce()
    {
        var created = await Editor().CreatePipelineAsync(SeedCreate);

        var id = created.Id();
        id.Should().MatchRegex("^pip_[0-9a-z]{26}$");
        created["org_id"]!.GetValue<string>().Should().Be(Org);
        created["name"]!.GetValue<string>().Should().Be("Marketing Website");
        created["slug"]!.GetValue<string>().Should().Be("marketing-website");
        created["type"]!.GetValue<string>().Should().Be("web");
        created["pipeline_key"]!.GetValue<string>().Should().Be($"dk_{id}");
        var secret = created["pipeline_key_secret"]!.GetValue<string>();
        secret.Should().MatchRegex("^sk_[0-9A-Za-z]{32,}$");
        created["pipeline_key_secret_prefix"]!.GetValue<string>().Should().Be(secret[..7]);
        JsonNode.DeepEquals(created["domain_allowlist"], JsonNode.Parse("""["www.example.com","example.com"]""")).Should().BeTrue();
        JsonNode.DeepEquals(created["labels"], JsonNode.Parse("""["env:production","brand:marketing"]""")).Should().BeTrue();
        created["rate_limit_rps"]!.GetValue<int>().Should().Be(1000);
        created["enabled"]!.GetValue<bool>().Should().BeTrue();
        created["parameters"]!["ga4_measurement_id"]!.GetValue<string>().Should().Be("G-XXXXXXX");
        created.AsObject().Select(p => p.Key).Should().BeEquivalentTo([.. PipelineFields, "pipeline_key_secret"]);

        var fetched = await (await Editor().GetAsync($"{PipelinesPath}/{id}")).ShouldBeAsync(HttpStatusCode.OK);
        fetched.AsObject().Select(p => p.Key).Should().BeEquivalentTo(PipelineFields, "GET never shows the secret");
        fetched.ToJsonString().Should().NotContain(secret);
        (await Db.DumpAllTablesAsync()).Should().NotContain(secret, "the secret is stored encrypted");
    }

    [Fact]
    public async Task Create_WithNameOnly_AppliesTheSeedsDefaults()
    {
        var created = await Editor().CreatePipelineAsync("""{"name":"Defaults"}""");

        created["type"]!.GetValue<string>().Should().Be("web");
        created["rate_limit_rps"]!.GetValue<int>().Should().Be(1000);
        created["enabled"]!.GetValue<bool>().Should().BeTrue();
        created["challenge_token_required"]!.GetValue<bool>().Should().BeFalse();
        created["domain_allowlist"]!.AsArray().Should().BeEmpty();
        created["labels"]!.AsArray().Should().BeEmpty();
        created["parameters"]!.AsObject().Should().BeEmpty();
        created["config"]!.AsObject().Should().BeEmpty();
        JsonNode.DeepEquals(created["js_builder_config"], JsonNode.Parse("""
            {"script_filename":"d.js","global_variable":"_df","delivery_method":"cdn","vendor_syncs":{},"consent_config":{},"cross_domain":false}
            """)).Should().BeTrue();
        JsonNode.DeepEquals(created["identity_config"], JsonNode.Parse("""
            {"cross_domain_enabled":false,"cross_domain_domains":[],"vendor_sync":{}}
            """)).Should().BeTrue();
    }

    [Fact]
    public async Task Create_NormalisesHostsToLowercaseAndDropsDuplicates()
    {
        var created = await Editor().CreatePipelineAsync(
            """{"name":"Hosts","domain_allowlist":["WWW.Example.com","*.example.com","www.example.com"]}""");

        created["domain_allowlist"]!.AsArray().Select(h => h!.GetValue<string>()).Should().Equal("www.example.com", "*.example.com");
    }

    [Fact]
    public async Task GeneratedSlugs_AreUniqueWithinTheOrg_AndAnExplicitDuplicateIs409()
    {
        var first = await Editor().CreatePipelineAsync("""{"name":"Shop — Main Site!"}""");
        var second = await Editor().CreatePipelineAsync("""{"name":"shop main site"}""");
        var third = await Editor().CreatePipelineAsync("""{"name":"Shop main  site"}""");
        var otherOrg = await Factory.CreateClient("org_other", "editor").CreatePipelineAsync("""{"name":"Shop Main Site"}""");

        first["slug"]!.GetValue<string>().Should().Be("shop-main-site");
        second["slug"]!.GetValue<string>().Should().Be("shop-main-site-2");
        third["slug"]!.GetValue<string>().Should().Be("shop-main-site-3");
        otherOrg["slug"]!.GetValue<string>().Should().Be("shop-main-site");

        using var duplicate = await Editor().PostJsonAsync(PipelinesPath, """{"name":"x","slug":"shop-main-site-2"}""");
        await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict, "slug_conflict");
    }

    [Fact]
    public async Task ConcurrentCreatesWithOneName_GetDistinctSlugs()
    {
        var client = Editor();

        var created = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.CreatePipelineAsync("""{"name":"Race"}""")));

        created.Select(c => c["slug"]!.GetValue<string>()).Should().OnlyHaveUniqueItems().And.Contain("race");
    }

    [Fact]
    public async Task Get_BySlug_ReturnsThePipeline()
    {
        var created = await Editor().CreatePipelineAsync(SeedCreate);

        var bySlug = await (await Editor().GetAsync($"{PipelinesPath}/marketing-website")).ShouldBeAsync(HttpStatusCode.OK);

        bySlug.Id().Should().Be(created.Id());
    }

    [Fact]
    public async Task Delete_SoftDeletes_ThenThePipelineIs404_AndItsSlugIsFree()
    {
        var created = await Editor().CreatePipelineAsync(SeedCreate);
        var admin = Factory.CreateClient(Org, "admin");

        var deleted = await (await admin.DeleteAsync(new Uri($"{PipelinesPath}/{created.Id()}", UriKind.Relative))).ShouldBeAsync(HttpStatusCode.OK);

        deleted.ToJsonString().Should().Be("""{"status":"deleted"}""");
        foreach (var path in new[] { created.Id(), "marketing-website", $"{created.Id()}/collector/status" })
        {
            await (await Editor().GetAsync($"{PipelinesPath}/{path}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        }

        await (await admin.PostAsync(new Uri($"{PipelinesPath}/{created.Id()}/rotate-secret", UriKind.Relative), null))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        (await Editor().CreatePipelineAsync(SeedCreate))["slug"]!.GetValue<string>().Should().Be("marketing-website");
    }

    [Fact]
    public async Task Update_ChangesOnlyTheFieldsSent_ReplacingListsWhole()
    {
        var created = await Editor().CreatePipelineAsync(SeedCreate);

        using var response = await Editor().PutJsonAsync($"{PipelinesPath}/{created.Id()}", """
            {
              "name": "Marketing Website (Updated)",
              "domain_allowlist": ["www.example.com", "example.com", "blog.example.com"],
              "labels": ["site:blog"],
              "parameters": { "ga4_measurement_id": "G-NEWIDXX" },
              "js_builder_config": { "global_variable": "_sg" },
              "enabled": false
            }
            """);
        var updated = await response.ShouldBeAsync(HttpStatusCode.OK);

        updated["name"]!.GetValue<string>().Should().Be("Marketing Website (Updated)");
        updated["slug"]!.GetValue<string>().Should().Be("marketing-website", "the slug was not sent");
        updated["domain_allowlist"]!.AsArray().Should().HaveCount(3);
        updated["labels"]!.AsArray().Select(l => l!.GetValue<string>()).Should().Equal("site:blog");
        updated["parameters"]!.AsObject().Select(p => p.Key).Should().Equal("ga4_measurement_id");
        updated["js_builder_config"]!["global_variable"]!.GetValue<string>().Should().Be("_sg");
        updated["js_builder_config"]!["script_filename"]!.GetValue<string>().Should().Be("d.js", "unsent collector fields stay");
        updated["enabled"]!.GetValue<bool>().Should().BeFalse();
        updated["rate_limit_rps"]!.GetValue<int>().Should().Be(1000);
        updated["pipeline_key_secret_prefix"]!.GetValue<string>().Should().Be(created["pipeline_key_secret_prefix"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("pipeline_key")]
    [InlineData("pipeline_key_secret")]
    [InlineData("id")]
    [InlineData("org_id")]
    [InlineData("created_at")]
    public async Task Update_ReadOnlyFields_AreRejected(string field)
    {
        var created = await Editor().CreatePipelineAsync(SeedCreate);

        using var response = await Editor().PutJsonAsync($"{PipelinesPath}/{created.Id()}", $$"""{"{{field}}":"x"}""");

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorsFor(field)
            .Should().Equal("is not a recognised field; remove it");
    }

    [Fact]
    public async Task Update_WithStaleIfMatch_Returns412AndChangesNothing()
    {
        var created = await Editor().CreatePipelineAsync(SeedCreate);
        using var read = await Editor().GetAsync($"{PipelinesPath}/{created.Id()}");
        var etag = read.Headers.ETag!.ToString();
        (await Editor().PutJsonAsync($"{PipelinesPath}/{created.Id()}", """{"rate_limit_rps":5}""", etag)).StatusCode.Should().Be(HttpStatusCode.OK);

        using var stale = await Editor().PutJsonAsync($"{PipelinesPath}/{created.Id()}", """{"rate_limit_rps":7}""", etag);

        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
        (await (await Editor().GetAsync($"{PipelinesPath}/{created.Id()}")).ShouldBeAsync(HttpStatusCode.OK))["rate_limit_rps"]!
            .GetValue<int>().Should().Be(5);
    }

    [Fact]
    public async Task Update_ToATakenSlug_Returns409()
    {
        await Editor().CreatePipelineAsync("""{"name":"Taken"}""");
        var other = await Editor().CreatePipelineAsync("""{"name":"Other"}""");

        using var response = await Editor().PutJsonAsync($"{PipelinesPath}/{other.Id()}", """{"slug":"taken"}""");

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "slug_conflict");
    }

    [Fact]
    public async Task RotateSecret_ReturnsANewSecretOnce_AndTheOldOneIsGone()
    {
        var created = await Editor().CreatePipelineAsync(SeedCreate);
        var oldSecret = created["pipeline_key_secret"]!.GetValue<string>();

        using var response = await Factory.CreateClient(Org, "admin").PostAsync(new Uri($"{PipelinesPath}/{created.Id()}/rotate-secret", UriKind.Relative), null);
        var rotated = await response.ShouldBeAsync(HttpStatusCode.OK);

        var newSecret = rotated["pipeline_key_secret"]!.GetValue<string>();
        rotated.AsObject().Select(p => p.Key).Should().Equal("pipeline_key", "pipeline_key_secret", "pipeline_key_secret_prefix");
        rotated["pipeline_key"]!.GetValue<string>().Should().Be($"dk_{created.Id()}");
        newSecret.Should().NotBe(oldSecret).And.MatchRegex("^sk_[0-9A-Za-z]{32,}$");
        rotated["pipeline_key_secret_prefix"]!.GetValue<string>().Should().Be(newSecret[..7]);
        var fetched = await (await Editor().GetAsync($"{PipelinesPath}/{created.Id()}")).ShouldBeAsync(HttpStatusCode.OK);
        fetched["pipeline_key_secret_prefix"]!.GetValue<string>().Should().Be(newSecret[..7]);
        var tables = await Db.DumpAllTablesAsync();
        tables.Should().NotContain(newSecret).And.NotContain(oldSecret);
    }
}
