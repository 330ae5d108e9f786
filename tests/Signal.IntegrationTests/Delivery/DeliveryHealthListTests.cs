using System.Net;
using Signal.IntegrationTests.Infrastructure;
using static Signal.IntegrationTests.Delivery.DeliveryApi;

namespace Signal.IntegrationTests.Delivery;

/// <summary><c>GET /v1/admin/delivery-health</c>: worst first, filters, paging, one organisation only.</summary>
public sealed class DeliveryHealthListTests(SignalApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task TheList_IsWorstFirst_AndEachFilterNarrowsIt()
    {
        var editor = Factory.CreateClient(Org, "editor");
        var (_, shopPi) = await editor.AssignedAsync("Shop");
        var (blog, blogPi) = await editor.AssignedAsync("Blog");
        var (docs, docsPi) = await editor.AssignedAsync("Docs");
        var (_, newsPi) = await editor.AssignedAsync("News");
        var (_, quietPi) = await editor.AssignedAsync("Quiet");
        var now = DateTimeOffset.UtcNow;
        await Factory.CreateProcessorClient().ReportAsync("p1",
            Report(shopPi, 100, 0, now), Report(blogPi, 10, 90, now), Report(docsPi, 90, 10, now), Report(newsPi, 40, 60, now));

        var page = await Viewer().HealthPageAsync();

        Rows(page).Should().Equal(
            $"{blogPi} failing", $"{newsPi} failing", $"{docsPi} degraded", $"{quietPi} unknown", $"{shopPi} healthy");
        ((int)page["total"]!).Should().Be(5);
        var first = page["pipeline_integrations"]![0]!;
        first["pipeline_id"]!.GetValue<string>().Should().Be(blog);
        first["pipeline_name"]!.GetValue<string>().Should().Be("Blog");
        first["integration_name"]!.GetValue<string>().Should().Be("GA4 Blog");
        first["vendor"]!.GetValue<string>().Should().Be("ga4");
        ((double)first["delivery"]!["failure_rate"]!).Should().Be(0.9);

        Rows(await Viewer().HealthPageAsync("?status=failing")).Should().Equal($"{blogPi} failing", $"{newsPi} failing");
        Rows(await Viewer().HealthPageAsync($"?pipeline_id={docs}")).Should().Equal($"{docsPi} degraded");
        var templateOfNews = await Db.ScalarAsync<string>("SELECT integration_id FROM pipeline_integrations WHERE id = @Id", new { Id = newsPi });
        Rows(await Viewer().HealthPageAsync($"?integration_id={templateOfNews}")).Should().Equal($"{newsPi} failing");
        var paged = await Viewer().HealthPageAsync("?limit=2&offset=2");
        Rows(paged).Should().Equal($"{docsPi} degraded", $"{quietPi} unknown");
        ((int)paged["total"]!).Should().Be(5);
        ((int)paged["limit"]!).Should().Be(2);
        ((int)paged["offset"]!).Should().Be(2);
    }

    [Fact]
    public async Task TheTotals_FollowStatusChanges_AndDeletions()
    {
        var editor = Factory.CreateClient(Org, "editor");
        var (_, shopPi) = await editor.AssignedAsync("Shop");
        var (blog, blogPi) = await editor.AssignedAsync("Blog");
        var (docs, docsPi) = await editor.AssignedAsync("Docs");
        var processor = Factory.CreateProcessorClient();
        var now = DateTimeOffset.UtcNow;
        await processor.ReportAsync("p1", Report(shopPi, 0, 50, now), Report(blogPi, 0, 50, now), Report(docsPi, 50, 0, now));
        await processor.ReportAsync("p1", Report(shopPi, 50, 0, now));

        async Task<int> Total(string query) => (int)(await Viewer().HealthPageAsync(query))["total"]!;
        (await Total("?status=failing")).Should().Be(1, "the shop recovered");
        (await Total("?status=healthy")).Should().Be(2);

        (await editor.DeleteAsync(new Uri($"{PipelineIntegrations.AssignmentApi.IntegrationsPath(blog)}/{blogPi}", UriKind.Relative)))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await Factory.CreateClient(Org, "admin").DeleteAsync(new Uri($"{Pipelines.PipelineApi.PipelinesPath}/{docs}", UriKind.Relative)))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        (await Total("")).Should().Be(1);
        (await Total("?status=failing")).Should().Be(0);
        Rows(await Viewer().HealthPageAsync()).Should().Equal($"{shopPi} healthy");
        await Invariants.ShouldHoldAsync();
    }

    [Fact]
    public async Task AnotherOrganisationsPipelineIntegrations_AreNeverListed()
    {
        var (_, pi) = await Factory.CreateClient(Org, "editor").AssignedAsync("Shop");
        await Factory.CreateProcessorClient().ReportAsync("p1", Report(pi, 0, 50, DateTimeOffset.UtcNow));

        var other = await Factory.CreateClient("org_other", "viewer").HealthPageAsync();

        Rows(other).Should().BeEmpty();
        ((int)other["total"]!).Should().Be(0);
    }

    [Theory]
    [InlineData("?status=broken", "status")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=101", "limit")]
    [InlineData("?offset=-1", "offset")]
    public async Task BadFilters_AreRefused(string query, string field)
    {
        using var response = await Viewer().GetAsync(new Uri(HealthPath + query, UriKind.Relative));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorsFor(field).Should().NotBeEmpty();
    }

    private static List<string> Rows(System.Text.Json.Nodes.JsonNode page) =>
        [.. page["pipeline_integrations"]!.AsArray().Select(p => $"{p!["id"]} {p["status"]}")];
}
