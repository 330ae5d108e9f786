using System.Net;
using System.Text.Json.Nodes;
using Signal.IntegrationTests.Infrastructure;

namespace Signal.IntegrationTests.Templates;

public sealed class InstallTests(SignalApiFactory factory) : ApiTest(factory)
{
    private HttpClient Editor() => Factory.CreateClient(Org, "editor", "user_123");

    [Fact]
    public async Task Install_SeedExample_CreatesTemplateAndV1WithMergedConfigAndSummary()
    {
        using var response = await Editor().PostJsonAsync("/v1/admin/integration-catalog/meta_capi/install", TemplateApi.MetaSeedInstall);
        var body = await response.ShouldBeAsync(HttpStatusCode.Created);

        var template = body["template"]!;
        template["id"]!.GetValue<string>().Should().StartWith("tmpl_");
        template["org_id"]!.GetValue<string>().Should().Be(Org);
        template["name"]!.GetValue<string>().Should().Be("Meta CAPI Production");
        template["vendor"]!.GetValue<string>().Should().Be("meta_capi");
        template["description"]!.GetValue<string>().Should().Be("Meta CAPI for our e-commerce site");
        template["catalog_vendor_key"]!.GetValue<string>().Should().Be("meta_capi");
        template["catalog_variant_key"]!.GetValue<string>().Should().Be("retail");
        template["latest_revision_number"]!.GetValue<int>().Should().Be(1);
        response.Headers.Location!.ToString().Should().EndWith($"/v1/admin/integration-templates/{template["id"]}");

        var revision = body["revision"]!;
        revision["id"]!.GetValue<string>().Should().StartWith("rev_");
        revision["integration_id"]!.GetValue<string>().Should().Be(template["id"]!.GetValue<string>());
        revision["revision_number"]!.GetValue<int>().Should().Be(1);
        revision["delivery_mode"]!.GetValue<string>().Should().Be("server_side");
        revision["change_summary"]!.GetValue<string>().Should().Be("Initial setup from catalog: Meta Conversions API (CAPI) (retail variant)");
        revision["created_by"]!.GetValue<string>().Should().Be("user_123");
        JsonNode.DeepEquals(revision["config"], JsonNode.Parse("""
            {"batch_size":100,"include_catalog_data":true,"pixel_id":"1234567890","access_token":"••••5678"}
            """)).Should().BeTrue(revision["config"]!.ToJsonString());
    }

    [Fact]
    public async Task Install_WithoutVariantOrMode_UsesDefaultVariantFieldDefaultsAndServerSide()
    {
        var body = await Editor().InstallAsync("ga4", """
            {"name":"GA4","config":{"measurement_id":"G-ABC123","api_secret":"{{pipeline_param.ga4_api_secret}}","debug_mode":true}}
            """);

        body["template"]!["catalog_variant_key"]!.GetValue<string>().Should().Be("default");
        var revision = body["revision"]!;
        revision["delivery_mode"]!.GetValue<string>().Should().Be("server_side");
        revision["change_summary"]!.GetValue<string>().Should().Be("Initial setup from catalog: Google Analytics 4 (default variant)");
        JsonNode.DeepEquals(revision["config"], JsonNode.Parse("""
            {"measurement_id":"G-ABC123","api_secret":"{{pipeline_param.ga4_api_secret}}","debug_mode":true,"region":"global"}
            """)).Should().BeTrue("field defaults fill in, the user's values win, and a parameter reference is shown as is: "
            + revision["config"]!.ToJsonString());
    }

    [Fact]
    public async Task Install_LayersFieldDefaultsThenVariantDefaultsThenUserConfig()
    {
        var body = await Editor().InstallAsync("webhook", """
            {"name":"Hook","config":{"url":"https://hooks.example.com/a","timeout_ms":2000,"tags":["a","b"]}}
            """);

        var config = body["revision"]!["config"]!;
        config["method"]!.GetValue<string>().Should().Be("POST", "from the field default");
        config["batch_size"]!.GetValue<int>().Should().Be(1, "from the default variant");
        config["timeout_ms"]!.GetValue<int>().Should().Be(2000, "the user's value wins over the field default");
        config["tags"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal("a", "b");
    }

    [Fact]
    public async Task Install_UnknownVendor_Returns404()
    {
        using var response = await Editor().PostJsonAsync("/v1/admin/integration-catalog/acme/install", """{"name":"x"}""");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Install_UnknownVariant_Returns400NamingTheVariants()
    {
        using var response = await Editor().PostJsonAsync("/v1/admin/integration-catalog/meta_capi/install",
            """{"name":"x","variant":"gaming","config":{"pixel_id":"1","access_token":"t"}}""");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorsFor("variant").Should().ContainSingle().Which.Should().Contain("retail");
    }

    [Theory]
    [InlineData("""{"name":"x","config":{"access_token":"t"}}""", "config.pixel_id", "is required")]
    [InlineData("""{"name":"x","config":{"pixel_id":"  ","access_token":"t"}}""", "config.pixel_id", "is required")]
    [InlineData("""{"name":"x","config":{"pixel_id":123,"access_token":"t"}}""", "config.pixel_id", "must be a string")]
    [InlineData("""{"name":"x","config":{"pixel_id":"1","access_token":"t","action_source":"tv"}}""", "config.action_source", "must be one of:")]
    [InlineData("""{"name":"","config":{"pixel_id":"1","access_token":"t"}}""", "name", "must not be empty")]
    [InlineData("""{"config":{"pixel_id":"1","access_token":"t"}}""", "name", "is required")]
    [InlineData("""{"name":"x","delivery_mode":"carrier_pigeon","config":{"pixel_id":"1","access_token":"t"}}""", "delivery_mode", "must be one of: server_side, client_side")]
    [InlineData("""{"name":"x","vendor":"ga4","config":{"pixel_id":"1","access_token":"t"}}""", "vendor", "is not a recognised field; remove it")]
    public async Task Install_InvalidRequest_Returns400NamingTheField(string body, string field, string message)
    {
        using var response = await Editor().PostJsonAsync("/v1/admin/integration-catalog/meta_capi/install", body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorsFor(field).Should().ContainSingle().Which.Should().StartWith(message);
    }

    [Fact]
    public async Task Install_WrongTypesForNumberAndBoolean_Returns400ForEachField()
    {
        using var response = await Editor().PostJsonAsync("/v1/admin/integration-catalog/webhook/install",
            """{"name":"x","config":{"url":"https://h.example","timeout_ms":"5s"}}""");
        using var second = await Editor().PostJsonAsync("/v1/admin/integration-catalog/ga4/install",
            """{"name":"y","config":{"measurement_id":"G-1","api_secret":"s","debug_mode":"yes"}}""");

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorsFor("config.timeout_ms")
            .Should().Equal("must be a number");
        (await second.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorsFor("config.debug_mode")
            .Should().Equal("must be true or false");
    }

    [Fact]
    public async Task Install_ParameterReferences_SatisfyRequiredFieldsOfAnyType()
    {
        var body = await Editor().InstallAsync("matomo", """
            {"name":"Matomo","config":{"matomo_url":"{{pipeline_param.matomo_url}}","site_id":"{{pipeline_param.matomo_site}}"}}
            """);

        body["revision"]!["config"]!["site_id"]!.GetValue<string>().Should().Be("{{pipeline_param.matomo_site}}");
    }

    [Fact]
    public async Task Install_NameTakenIgnoringCase_Returns409NameConflict()
    {
        await Editor().InstallMetaAsync("Meta CAPI Production");

        using var response = await Editor().PostJsonAsync("/v1/admin/integration-catalog/meta_capi/install",
            TemplateApi.MetaSeedInstall.Replace("Meta CAPI Production", "META capi production", StringComparison.Ordinal));

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "name_conflict");
        (await Db.ScalarAsync<long>("SELECT count(*) FROM integration_templates")).Should().Be(1);
    }

    [Fact]
    public async Task Install_SameNameInAnotherOrg_IsAllowed()
    {
        await Editor().InstallMetaAsync();

        await Factory.CreateClient("org_other", "editor").InstallMetaAsync();

        (await Db.ScalarAsync<long>("SELECT count(*) FROM integration_templates")).Should().Be(2);
    }
}
