using System.Globalization;
using System.Net;
using Signal.IntegrationTests.Infrastructure;
using static Signal.IntegrationTests.Templates.TemplateApi;

namespace Signal.IntegrationTests.Templates;

public sealed class RevisionTests(SignalApiFactory factory) : ApiTest(factory)
{
    private HttpClient Editor() => Factory.CreateClient(Org, "editor", "user_rev");

    [Fact]
    public async Task CreateRevision_AssignsTheNextNumber_AndBumpsTheTemplate()
    {
        var id = await Editor().InstallMetaAsync();
        var before = await (await Editor().GetAsync($"{TemplatesPath}/{id}")).ShouldBeAsync(HttpStatusCode.OK);

        using var response = await Editor().PostJsonAsync($"{TemplatesPath}/{id}/revisions", """
            {"config":{"pixel_id":"1234567890","access_token":"EAABsb_new_token_9999","batch_size":100,"hash_pii":true},
             "delivery_mode":"server_side","change_summary":"Rotated access token for Q1 2026"}
            """);
        var revision = await response.ShouldBeAsync(HttpStatusCode.Created);

        revision["revision_number"]!.GetValue<int>().Should().Be(2);
        revision["change_summary"]!.GetValue<string>().Should().Be("Rotated access token for Q1 2026");
        revision["created_by"]!.GetValue<string>().Should().Be("user_rev");
        revision["config"]!["access_token"]!.GetValue<string>().Should().Be("••••9999");
        response.Headers.Location!.ToString().Should().EndWith($"{TemplatesPath}/{id}/revisions/2");
        var after = await (await Editor().GetAsync($"{TemplatesPath}/{id}")).ShouldBeAsync(HttpStatusCode.OK);
        after["latest_revision_number"]!.GetValue<int>().Should().Be(2);
        Instant(after["updated_at"]).Should().BeAfter(Instant(before["updated_at"]));
    }

    [Fact]
    public async Task FirstRevisionOfAManualTemplate_IsNumberOne()
    {
        var template = await Editor().CreateTemplateAsync("GA4 by hand");

        using var response = await Editor().CreateRevisionAsync(template["id"]!.GetValue<string>(),
            """{"measurement_id":"{{pipeline_param.ga4_measurement_id}}","api_secret":"{{pipeline_param.ga4_api_secret}}","debug_mode":false}""");

        var revision = await response.ShouldBeAsync(HttpStatusCode.Created);
        revision["revision_number"]!.GetValue<int>().Should().Be(1);
        revision["config"]!["api_secret"]!.GetValue<string>().Should().Be("{{pipeline_param.ga4_api_secret}}");
    }

    [Fact]
    public async Task ListRevisions_NewestFirst_GetByNumberAndById()
    {
        var id = await Editor().InstallMetaAsync();
        await (await Editor().CreateRevisionAsync(id, """{"pixel_id":"2","access_token":"token-number-two"}""", "two")).ShouldBeAsync(HttpStatusCode.Created);
        await (await Editor().CreateRevisionAsync(id, """{"pixel_id":"3","access_token":"token-number-three"}""", "three")).ShouldBeAsync(HttpStatusCode.Created);

        var list = await (await Editor().GetAsync($"{TemplatesPath}/{id}/revisions")).ShouldBeAsync(HttpStatusCode.OK);
        var numbers = list["revisions"]!.AsArray().Select(r => r!["revision_number"]!.GetValue<int>());
        numbers.Should().Equal(3, 2, 1);
        list["total"]!.GetValue<int>().Should().Be(3);

        var byNumber = await (await Editor().GetAsync($"{TemplatesPath}/{id}/revisions/2")).ShouldBeAsync(HttpStatusCode.OK);
        byNumber["change_summary"]!.GetValue<string>().Should().Be("two");
        var revId = byNumber["id"]!.GetValue<string>();
        var byId = await (await Editor().GetAsync($"{TemplatesPath}/{id}/revisions/{revId}")).ShouldBeAsync(HttpStatusCode.OK);
        byId["revision_number"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task ListRevisions_Paginates()
    {
        var id = await Editor().InstallMetaAsync();
        await (await Editor().CreateRevisionAsync(id, """{"pixel_id":"2","access_token":"t2"}""")).ShouldBeAsync(HttpStatusCode.Created);

        var page = await (await Editor().GetAsync($"{TemplatesPath}/{id}/revisions?limit=1&offset=1")).ShouldBeAsync(HttpStatusCode.OK);

        page["revisions"]!.AsArray().Single()!["revision_number"]!.GetValue<int>().Should().Be(1);
        page["total"]!.GetValue<int>().Should().Be(2);
    }

    [Theory]
    [InlineData("9", HttpStatusCode.NotFound)]
    [InlineData("rev_missing", HttpStatusCode.NotFound)]
    [InlineData("0", HttpStatusCode.BadRequest)]
    [InlineData("latest", HttpStatusCode.BadRequest)]
    public async Task GetRevision_UnknownOrMalformed(string rev, HttpStatusCode status)
    {
        var id = await Editor().InstallMetaAsync();

        using var response = await Editor().GetAsync($"{TemplatesPath}/{id}/revisions/{rev}");

        await response.ShouldBeProblemAsync(status, status == HttpStatusCode.NotFound ? "not_found" : "validation_failed");
    }

    [Fact]
    public async Task GetRevision_OfAnotherTemplateById_Returns404()
    {
        var first = await Editor().InstallMetaAsync("First");
        var second = await Editor().InstallMetaAsync("Second");
        var secondRev = await (await Editor().GetAsync($"{TemplatesPath}/{second}/revisions/1")).ShouldBeAsync(HttpStatusCode.OK);

        using var response = await Editor().GetAsync($"{TemplatesPath}/{first}/revisions/{secondRev["id"]}");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("""{"config":{"access_token":"t"},"delivery_mode":"server_side"}""", "config.pixel_id")]
    [InlineData("""{"config":{"pixel_id":"1","access_token":false},"delivery_mode":"server_side"}""", "config.access_token")]
    [InlineData("""{"config":{"pixel_id":"1","access_token":"t"},"delivery_mode":"edge"}""", "delivery_mode")]
    [InlineData("""{"config":{"pixel_id":"1","access_token":"t"}}""", "delivery_mode")]
    [InlineData("""{"delivery_mode":"server_side"}""", "config")]
    [InlineData("""{"config":[1],"delivery_mode":"server_side"}""", "config")]
    [InlineData("""{"config":{"pixel_id":"1","access_token":"t"},"delivery_mode":"server_side","revision_number":7}""", "revision_number")]
    public async Task CreateRevision_InvalidRequest_Returns400NamingTheField(string body, string field)
    {
        var id = await Editor().InstallMetaAsync();

        using var response = await Editor().PostJsonAsync($"{TemplatesPath}/{id}/revisions", body);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorsFor(field).Should().NotBeEmpty();
        (await Db.ScalarAsync<long>("SELECT count(*) FROM integration_revisions")).Should().Be(1, "nothing is written after an error");
    }

    [Fact]
    public async Task CreateRevision_ChangeSummaryOver500_Returns400()
    {
        var id = await Editor().InstallMetaAsync();

        using var response = await Editor().CreateRevisionAsync(id, """{"pixel_id":"1","access_token":"t"}""", new string('s', 501));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorsFor("change_summary").Should().NotBeEmpty();
    }

    [Fact]
    public async Task FiftyConcurrentCreates_GetNumbersOneToFiftyWithoutGaps()
    {
        var template = await Editor().CreateTemplateAsync("Busy");
        var id = template["id"]!.GetValue<string>();
        var client = Editor();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            client.CreateRevisionAsync(id, $$"""{"measurement_id":"G-{{i}}","api_secret":"secret-{{i}}"}""")));

        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Created);
        var numbers = await Task.WhenAll(responses.Select(async r => (await r.ReadNodeAsync())["revision_number"]!.GetValue<int>()));
        numbers.Should().BeEquivalentTo(Enumerable.Range(1, 50));
        (await Db.QueryAsync<int>("SELECT revision_number FROM integration_revisions WHERE integration_id = @id ORDER BY 1", new { id }))
            .Should().Equal(Enumerable.Range(1, 50));
        (await Db.ScalarAsync<int>("SELECT latest_revision_number FROM integration_templates WHERE id = @id", new { id })).Should().Be(50);
    }

    [Fact]
    public async Task ANewOrganisationsFirstSecrets_UnderMoreConcurrentCreatesThanPooledConnections_AllSucceed()
    {
        // A new organisation: its data key is in no cache yet, so the first secrets load (and create) it while every
        // connection of the pool (16 in tests) is held by a create waiting for the template's row lock.
        var client = Factory.CreateClient($"org_{Guid.NewGuid():N}", "editor", "user_rev");
        var id = (await client.CreateTemplateAsync("First secrets"))["id"]!.GetValue<string>();

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            client.CreateRevisionAsync(id, $$"""{"measurement_id":"G-{{i}}","api_secret":"secret-{{i}}-long-enough"}""")));

        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Revisions_CannotBeUpdatedEvenWithRawSql()
    {
        await Editor().InstallMetaAsync();

        var update = () => Db.ExecuteAsync("UPDATE integration_revisions SET change_summary = 'rewritten'");

        (await update.Should().ThrowAsync<Npgsql.PostgresException>()).Which.MessageText.Should().Contain("immutable");
    }

    private static DateTimeOffset Instant(System.Text.Json.Nodes.JsonNode? node) =>
        DateTimeOffset.Parse(node!.GetValue<string>(), CultureInfo.InvariantCulture);
}
