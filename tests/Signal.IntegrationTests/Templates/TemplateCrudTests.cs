using System.Net;
using Signal.IntegrationTests.Infrastructure;
using static Signal.IntegrationTests.Templates.TemplateApi;

namespace Signal.IntegrationTests.Templates;

public sealed class TemplateCrudTests(SignalApiFactory factory) : ApiTest(factory)
{
    private HttpClient Editor() => Factory.CreateClient(Org, "editor");

    private HttpClient Admin() => Factory.CreateClient(Org, "admin");

    [Fact]
    public async Task Create_ReturnsTemplateWithoutRevisions()
    {
        using var response = await Editor().PostJsonAsync(TemplatesPath, """{"name":"Custom GA4 Setup","vendor":"ga4","description":"GA4 for internal analytics"}""");
        var template = await response.ShouldBeAsync(HttpStatusCode.Created);

        template["name"]!.GetValue<string>().Should().Be("Custom GA4 Setup");
        template["vendor"]!.GetValue<string>().Should().Be("ga4");
        template["latest_revision_number"].Should().BeNull();
        template["catalog_vendor_key"].Should().BeNull();
        template["catalog_variant_key"].Should().BeNull();
        template.AsObject().Select(p => p.Key).Should().BeEquivalentTo(
            ["id", "org_id", "name", "vendor", "description", "catalog_vendor_key", "catalog_variant_key",
             "latest_revision_number", "created_at", "updated_at"], "every field is always present");
        template["created_at"]!.GetValue<string>().Should().EndWith("Z");
        response.Headers.Location!.ToString().Should().EndWith($"{TemplatesPath}/{template["id"]}");
    }

    [Theory]
    [InlineData("""{"name":"x","vendor":"acme"}""", "vendor")]
    [InlineData("""{"name":"x"}""", "vendor")]
    [InlineData("""{"name":"   ","vendor":"ga4"}""", "name")]
    [InlineData("""{"vendor":"ga4"}""", "name")]
    [InlineData("""{"name":"x","vendor":"ga4","org_id":"org_other"}""", "org_id")]
    [InlineData("""{"name":"x","vendor":"ga4","id":"tmpl_mine"}""", "id")]
    public async Task Create_InvalidRequest_Returns400NamingTheField(string body, string field)
    {
        using var response = await Editor().PostJsonAsync(TemplatesPath, body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorsFor(field).Should().NotBeEmpty();
    }

    [Fact]
    public async Task Create_NameLongerThan100_Returns400()
    {
        using var response = await Editor().PostJsonAsync(TemplatesPath, $$"""{"name":"{{new string('n', 101)}}","vendor":"ga4"}""");

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorsFor("name")
            .Should().Equal("must be at most 100 characters");
    }

    [Fact]
    public async Task Create_NameTakenIgnoringCase_Returns409_AndDeleteFreesIt()
    {
        var first = await Editor().CreateTemplateAsync("Analytics");
        using var clash = await Editor().PostJsonAsync(TemplatesPath, """{"name":"ANALYTICS","vendor":"ga4"}""");
        await clash.ShouldBeProblemAsync(HttpStatusCode.Conflict, "name_conflict");

        using var deleted = await Admin().DeleteAsync(new Uri($"{TemplatesPath}/{first["id"]}", UriKind.Relative));
        deleted.StatusCode.Should().Be(HttpStatusCode.OK);

        await Editor().CreateTemplateAsync("analytics");
    }

    [Fact]
    public async Task Get_ReturnsTheTemplateWithStrongETag_And304WhenUnchanged()
    {
        var id = await Editor().InstallMetaAsync();
        var client = Factory.CreateClient(Org, "viewer");

        using var first = await client.GetAsync($"{TemplatesPath}/{id}");
        (await first.ShouldBeAsync(HttpStatusCode.OK))["id"]!.GetValue<string>().Should().Be(id);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{TemplatesPath}/{id}");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await client.SendAsync(request);

        second.StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task Get_UnknownId_Returns404()
    {
        using var response = await Editor().GetAsync($"{TemplatesPath}/tmpl_missing");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task List_PaginatesNewestFirstWithTotal()
    {
        foreach (var name in new[] { "one", "two", "three" })
        {
            await Editor().CreateTemplateAsync(name);
        }

        using var response = await Editor().GetAsync($"{TemplatesPath}?limit=2&offset=1");
        var page = await response.ShouldBeAsync(HttpStatusCode.OK);

        page["integrations"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).Should().Equal("two", "one");
        page["total"]!.GetValue<int>().Should().Be(3);
        page["limit"]!.GetValue<int>().Should().Be(2);
        page["offset"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task List_DefaultsToLimit50AndOffset0()
    {
        using var response = await Editor().GetAsync(TemplatesPath);
        var page = await response.ShouldBeAsync(HttpStatusCode.OK);

        page["limit"]!.GetValue<int>().Should().Be(50);
        page["offset"]!.GetValue<int>().Should().Be(0);
        page["integrations"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task List_FiltersBySearchAndVendor()
    {
        await Editor().CreateTemplateAsync("GA4 Marketing");
        await Editor().CreateTemplateAsync("GA4 Product");
        await Editor().CreateTemplateAsync("Marketing Hook", "webhook");
        await Editor().CreateTemplateAsync("100% real_name");

        var bySearch = await (await Editor().GetAsync($"{TemplatesPath}?search=MARKET")).ShouldBeAsync(HttpStatusCode.OK);
        var byBoth = await (await Editor().GetAsync($"{TemplatesPath}?search=market&vendor=ga4")).ShouldBeAsync(HttpStatusCode.OK);
        var wildcard = await (await Editor().GetAsync($"{TemplatesPath}?search={Uri.EscapeDataString("0%")}")).ShouldBeAsync(HttpStatusCode.OK);
        var underscore = await (await Editor().GetAsync($"{TemplatesPath}?search=l_n")).ShouldBeAsync(HttpStatusCode.OK);

        Names(bySearch).Should().BeEquivalentTo("GA4 Marketing", "Marketing Hook");
        Names(byBoth).Should().Equal("GA4 Marketing");
        bySearch["total"]!.GetValue<int>().Should().Be(2);
        Names(wildcard).Should().Equal("100% real_name");
        Names(underscore).Should().Equal("100% real_name");
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("vendor=acme", "vendor")]
    [InlineData("limit=ten", "limit")]
    public async Task List_InvalidQuery_Returns400NamingIt(string query, string field)
    {
        using var response = await Editor().GetAsync($"{TemplatesPath}?{query}");

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorsFor(field).Should().NotBeEmpty();
    }

    [Fact]
    public async Task List_NeverShowsOtherOrgsOrDeletedTemplates()
    {
        await Factory.CreateClient("org_other", "editor").CreateTemplateAsync("Theirs");
        var mine = await Editor().CreateTemplateAsync("Mine");
        var gone = await Editor().CreateTemplateAsync("Gone");
        (await Admin().DeleteAsync(new Uri($"{TemplatesPath}/{gone["id"]}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        var page = await (await Editor().GetAsync(TemplatesPath)).ShouldBeAsync(HttpStatusCode.OK);

        Names(page).Should().Equal("Mine");
        page["integrations"]![0]!["id"]!.GetValue<string>().Should().Be(mine["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_ChangesNameAndDescriptionOnly()
    {
        var id = await Editor().InstallMetaAsync();

        using var response = await Editor().PutJsonAsync($"{TemplatesPath}/{id}", """{"name":"Meta CAPI - E-commerce","description":"Updated description"}""");
        var updated = await response.ShouldBeAsync(HttpStatusCode.OK);

        updated["name"]!.GetValue<string>().Should().Be("Meta CAPI - E-commerce");
        updated["description"]!.GetValue<string>().Should().Be("Updated description");
        updated["vendor"]!.GetValue<string>().Should().Be("meta_capi");
        updated["latest_revision_number"]!.GetValue<int>().Should().Be(1);
        DateTimeOffset.Parse(updated["updated_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeAfter(DateTimeOffset.Parse(updated["created_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Update_EmptyDescription_ClearsIt()
    {
        var id = await Editor().InstallMetaAsync();

        var updated = await (await Editor().PutJsonAsync($"{TemplatesPath}/{id}", """{"description":""}""")).ShouldBeAsync(HttpStatusCode.OK);

        updated["description"].Should().BeNull();
        updated["name"]!.GetValue<string>().Should().Be("Meta CAPI Production");
    }

    [Theory]
    [InlineData("""{"vendor":"ga4"}""", "vendor")]
    [InlineData("""{"name":"x","catalog_variant_key":"travel"}""", "catalog_variant_key")]
    [InlineData("""{"name":"x","latest_revision_number":9}""", "latest_revision_number")]
    [InlineData("""{}""", "body")]
    [InlineData("""{"name":""}""", "name")]
    public async Task Update_AnythingButNameAndDescription_Returns400(string body, string field)
    {
        var id = await Editor().InstallMetaAsync();

        using var response = await Editor().PutJsonAsync($"{TemplatesPath}/{id}", body);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorsFor(field).Should().NotBeEmpty();
    }

    [Fact]
    public async Task Update_ToATakenName_Returns409()
    {
        await Editor().CreateTemplateAsync("Taken");
        var id = await Editor().InstallMetaAsync();

        using var response = await Editor().PutJsonAsync($"{TemplatesPath}/{id}", """{"name":"taken"}""");

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "name_conflict");
    }

    [Fact]
    public async Task Update_WithCurrentIfMatch_Succeeds_AndWithStaleIfMatch_Returns412()
    {
        var id = await Editor().InstallMetaAsync();
        using var read = await Editor().GetAsync($"{TemplatesPath}/{id}");
        var etag = read.Headers.ETag!.ToString();

        using var first = await Editor().PutJsonAsync($"{TemplatesPath}/{id}", """{"name":"First writer"}""", etag);
        using var second = await Editor().PutJsonAsync($"{TemplatesPath}/{id}", """{"name":"Second writer"}""", etag);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        await second.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
        var current = await (await Editor().GetAsync($"{TemplatesPath}/{id}")).ShouldBeAsync(HttpStatusCode.OK);
        current["name"]!.GetValue<string>().Should().Be("First writer", "the stale write must not overwrite the first");
    }

    [Fact]
    public async Task Delete_ReturnsStatusDeleted_ThenTheTemplateIs404Everywhere()
    {
        var id = await Editor().InstallMetaAsync();

        var deleted = await (await Admin().DeleteAsync(new Uri($"{TemplatesPath}/{id}", UriKind.Relative))).ShouldBeAsync(HttpStatusCode.OK);

        deleted.ToJsonString().Should().Be("""{"status":"deleted"}""");
        foreach (var path in new[] { $"{TemplatesPath}/{id}", $"{TemplatesPath}/{id}/revisions", $"{TemplatesPath}/{id}/revisions/1" })
        {
            await (await Editor().GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        }

        await (await Editor().CreateRevisionAsync(id, """{"pixel_id":"1","access_token":"t"}""")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await Admin().DeleteAsync(new Uri($"{TemplatesPath}/{id}", UriKind.Relative))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        (await Db.ScalarAsync<long>("SELECT count(*) FROM integration_templates WHERE deleted_at IS NOT NULL")).Should().Be(1, "deletion is soft");
    }

    private static IEnumerable<string> Names(System.Text.Json.Nodes.JsonNode page) =>
        page["integrations"]!.AsArray().Select(t => t!["name"]!.GetValue<string>());
}
