using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Catalog;

public sealed class CatalogEndpointTests(SignalApiFactory factory) : ApiTest(factory)
{
    private static readonly string[] Categories = ["advertising", "analytics", "attribution", "cdp", "cloud_storage", "other"];

    [Fact]
    public async Task List_WithoutFilters_Returns39VendorsTotalAndAllCategories()
    {
        using var response = await Viewer().GetAsync(new Uri("/v1/admin/integration-catalog", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.ReadJsonAsync();
        body.GetProperty("vendors").GetArrayLength().Should().Be(39);
        body.GetProperty("total").GetInt32().Should().Be(39);
        body.GetProperty("categories").EnumerateArray().Select(c => c.GetString()).Should().Equal(Categories);
    }

    [Fact]
    public async Task Get_MetaCapi_ReturnsTheSeedShapeWithEveryField()
    {
        var vendor = await GetJsonAsync("/v1/admin/integration-catalog/meta_capi");

        vendor.GetProperty("key").GetString().Should().Be("meta_capi");
        vendor.GetProperty("name").GetString().Should().Be("Meta Conversions API (CAPI)");
        vendor.GetProperty("category").GetString().Should().Be("advertising");
        vendor.GetProperty("status").GetString().Should().Be("ga");
        vendor.GetProperty("website").GetString().Should().StartWith("https://developers.facebook.com/");
        var pixel = vendor.GetProperty("config_fields")[0];
        pixel.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(
            ["key", "label", "type", "required", "placeholder", "help_text", "options", "default"]);
        pixel.GetProperty("key").GetString().Should().Be("pixel_id");
        vendor.GetProperty("config_fields")[1].GetProperty("type").GetString().Should().Be("secret");
        var retail = vendor.GetProperty("variants").EnumerateArray().Single(v => v.GetProperty("key").GetString() == "retail");
        retail.GetProperty("default_config").GetRawText().Should().Be("""{"batch_size":100,"include_catalog_data":true}""");
    }

    [Theory]
    [InlineData("advertising", 12)]
    [InlineData("analytics", 8)]
    [InlineData("attribution", 5)]
    [InlineData("cdp", 6)]
    [InlineData("cloud_storage", 6)]
    [InlineData("other", 2)]
    public async Task List_ByCategory_ReturnsOnlyThatCategory(string category, int expected)
    {
        var body = await GetJsonAsync($"/v1/admin/integration-catalog?category={category}");

        body.GetProperty("total").GetInt32().Should().Be(expected);
        Vendors(body).Should().HaveCount(expected).And.OnlyContain(v => v.GetProperty("category").GetString() == category);
        body.GetProperty("categories").GetArrayLength().Should().Be(6, "categories always lists all six");
    }

    [Theory]
    [InlineData("ga")]
    [InlineData("beta")]
    public async Task List_ByStatus_ReturnsOnlyThatStatus(string status)
    {
        var body = await GetJsonAsync($"/v1/admin/integration-catalog?status={status}");

        Vendors(body).Should().NotBeEmpty().And.OnlyContain(v => v.GetProperty("status").GetString() == status);
        body.GetProperty("total").GetInt32().Should().Be(Vendors(body).Count);
    }

    [Theory]
    [InlineData("GA4", "ga4")] // key, any case
    [InlineData("snowpipe", "snowflake")] // description
    [InlineData("conversions api (capi)", "meta_capi")] // name
    public async Task List_BySearch_MatchesKeyNameOrDescriptionIgnoringCase(string search, string expectedKey)
    {
        var body = await GetJsonAsync($"/v1/admin/integration-catalog?search={Uri.EscapeDataString(search)}");

        Vendors(body).Select(v => v.GetProperty("key").GetString()).Should().Contain(expectedKey);
        Vendors(body).Should().OnlyContain(v =>
            $"{v.GetProperty("key")} {v.GetProperty("name")} {v.GetProperty("description")}"
                .Contains(search, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task List_WithEveryFilter_CombinesThem()
    {
        var body = await GetJsonAsync("/v1/admin/integration-catalog?category=advertising&status=beta&search=conversions");

        Vendors(body).Select(v => v.GetProperty("key").GetString())
            .Should().BeEquivalentTo(["x_ads", "microsoft_ads", "amazon_ads"]);
        body.GetProperty("total").GetInt32().Should().Be(3);
    }

    [Fact]
    public async Task List_WithNoMatch_ReturnsEmptyListAndZeroTotal()
    {
        var body = await GetJsonAsync("/v1/admin/integration-catalog?search=no-such-vendor");

        Vendors(body).Should().BeEmpty();
        body.GetProperty("total").GetInt32().Should().Be(0);
    }

    [Theory]
    [InlineData("category=ads", "category")]
    [InlineData("category=Advertising", "category")]
    [InlineData("status=alpha", "status")]
    public async Task List_WithUnknownFilterValue_Returns400NamingTheField(string query, string field)
    {
        using var response = await Viewer().GetAsync(new Uri($"/v1/admin/integration-catalog?{query}", UriKind.Relative));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorsFor(field).Should().ContainSingle().Which.Should().StartWith("must be one of:");
    }

    [Fact]
    public async Task Get_UnknownVendor_Returns404()
    {
        using var response = await Viewer().GetAsync(new Uri("/v1/admin/integration-catalog/acme", UriKind.Relative));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        problem.GetProperty("detail").GetString().Should().Contain("acme");
    }

    [Theory]
    [InlineData("/v1/admin/integration-catalog")]
    [InlineData("/v1/admin/integration-catalog/ga4")]
    public async Task Get_WithMatchingIfNoneMatch_Returns304WithoutBody(string path)
    {
        var client = Viewer();
        using var first = await client.GetAsync(new Uri(path, UriKind.Relative));
        var etag = first.Headers.ETag;
        etag.Should().NotBeNull();
        etag!.IsWeak.Should().BeFalse("single resources carry a strong ETag");

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(request);

        second.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await second.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        second.Headers.ETag.Should().Be(etag);
    }

    [Fact]
    public async Task Get_WithStaleIfNoneMatch_ReturnsTheBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/admin/integration-catalog/ga4");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));

        using var response = await Viewer().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("key").GetString().Should().Be("ga4");
    }

    [Fact]
    public async Task List_DifferentFilters_HaveDifferentETags()
    {
        var client = Viewer();
        using var all = await client.GetAsync(new Uri("/v1/admin/integration-catalog", UriKind.Relative));
        using var ads = await client.GetAsync(new Uri("/v1/admin/integration-catalog?category=advertising", UriKind.Relative));

        all.Headers.ETag.Should().NotBe(ads.Headers.ETag);
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Viewer().GetAsync(new Uri(path, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static List<JsonElement> Vendors(JsonElement body) => body.GetProperty("vendors").EnumerateArray().ToList();
}
