using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Signal.Application.Delivery;
using Signal.Infrastructure.Delivery;
using Signal.Infrastructure.Persistence.Migrations;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.PipelineIntegrations;
using Signal.IntegrationTests.Templates;
using static Signal.IntegrationTests.Delivery.DeliveryApi;

namespace Signal.IntegrationTests.Delivery;

/// <summary>
/// How reports become a status, with the defaults: over the last 60 minutes, <c>unknown</c> below 20 events or after
/// 15 minutes without a report, <c>failing</c> from 50 % failed, <c>degraded</c> from 5 %.
/// </summary>
public sealed class DeliveryStatusTests(FakeClockApiFactory factory) : ApiTest<FakeClockApiFactory>(factory), IClassFixture<FakeClockApiFactory>
{
    [Theory]
    [InlineData(19, 0, "unknown")]
    [InlineData(20, 0, "healthy")]
    [InlineData(19, 1, "degraded")]
    [InlineData(96, 4, "healthy")]
    [InlineData(95, 5, "degraded")]
    [InlineData(51, 49, "degraded")]
    [InlineData(50, 50, "failing")]
    [InlineData(0, 20, "failing")]
    public async Task TheStatus_FollowsTheThresholds_AtEachBoundary(long delivered, long failed, string status)
    {
        var editor = Factory.CreateClient(Org, "editor");
        var (pipelineId, pi) = await editor.AssignedAsync("Shop");

        await Factory.CreateProcessorClient().ReportAsync("p1", Report(pi, delivered, failed, Factory.Clock.GetUtcNow()));

        var shown = await editor.PipelineIntegrationAsync(pipelineId, pi);
        shown["status"]!.GetValue<string>().Should().Be(status);
        var delivery = shown["delivery"]!;
        ((int)delivery["window_minutes"]!).Should().Be(60);
        ((double?)delivery["failure_rate"]).Should().Be((double)failed / (delivered + failed));
    }

    [Fact]
    public async Task FifteenMinutesWithoutAReport_MakeItUnknown_AtTheNextMaintenancePass()
    {
        var editor = Factory.CreateClient(Org, "editor");
        var (pipelineId, pi) = await editor.AssignedAsync("Shop");
        await Factory.CreateProcessorClient().ReportAsync("p1", Report(pi, 100, 0, Factory.Clock.GetUtcNow()));

        Factory.Clock.Advance(TimeSpan.FromMinutes(15));
        (await MaintenanceAsync()).MarkedStale.Should().Be(0);
        (await editor.PipelineIntegrationAsync(pipelineId, pi))["status"]!.GetValue<string>().Should().Be("healthy");

        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        (await MaintenanceAsync()).MarkedStale.Should().Be(1);
        var shown = await editor.PipelineIntegrationAsync(pipelineId, pi);
        shown["status"]!.GetValue<string>().Should().Be("unknown");
        ((long)shown["delivery"]!["delivered"]!).Should().Be(100, "the numbers still cover the window");
    }

    [Fact]
    public async Task ReportsThatLeaveTheWindow_StopCounting_AndOldOnesAreDeleted()
    {
        var editor = Factory.CreateClient(Org, "editor");
        var (pipelineId, pi) = await editor.AssignedAsync("Shop");
        var processor = Factory.CreateProcessorClient();
        var now = Factory.Clock.GetUtcNow();
        await processor.ReportAsync("p1", Report(pi, 0, 100, now.AddDays(-8)), Report(pi, 0, 100, now.AddMinutes(-50)), Report(pi, 30, 0, now));
        ((long)(await editor.PipelineIntegrationAsync(pipelineId, pi))["delivery"]!["failed"]!).Should().Be(100,
            "the report from eight days ago is outside the window");

        Factory.Clock.Advance(TimeSpan.FromMinutes(11));
        await processor.ReportAsync("p1", Report(pi, 40, 0, Factory.Clock.GetUtcNow()));
        var pass = await MaintenanceAsync();

        pass.Refreshed.Should().Be(0, "the new report already recomputed the window");
        pass.Deleted.Should().Be(1, "reports older than seven days are deleted");
        var shown = await editor.PipelineIntegrationAsync(pipelineId, pi);
        ((long)shown["delivery"]!["failed"]!).Should().Be(0, "the failing window ended 61 minutes ago");
        ((long)shown["delivery"]!["delivered"]!).Should().Be(70);
        shown["status"]!.GetValue<string>().Should().Be("healthy");

        Factory.Clock.Advance(TimeSpan.FromMinutes(60) + TimeSpan.FromSeconds(1));
        (await MaintenanceAsync()).Refreshed.Should().Be(1);
        shown = await editor.PipelineIntegrationAsync(pipelineId, pi);
        ((long)shown["delivery"]!["delivered"]!).Should().Be(0);
        shown["status"]!.GetValue<string>().Should().Be("unknown");
    }

    [Fact]
    public async Task TheFirstMaintenancePass_RedecidesEveryStatus_SoThatChangedThresholdsApply()
    {
        var editor = Factory.CreateClient(Org, "editor");
        var (pipelineId, pi) = await editor.AssignedAsync("Shop");
        await Factory.CreateProcessorClient().ReportAsync("p1", Report(pi, 90, 10, Factory.Clock.GetUtcNow()));
        (await editor.PipelineIntegrationAsync(pipelineId, pi))["status"]!.GetValue<string>().Should().Be("degraded");

        var restartedWithStricterThresholds = new DeliveryMaintenance(Factory.Services.GetRequiredService<NpgsqlDataSource>(),
            DeliverySettings.Default with { FailingRate = 0.1 }, Factory.Services.GetRequiredService<MigrationState>(), Factory.Clock,
            NullLogger<DeliveryMaintenance>.Instance);
        await restartedWithStricterThresholds.RunOnceAsync(default);

        (await editor.PipelineIntegrationAsync(pipelineId, pi))["status"]!.GetValue<string>().Should().Be("failing");
    }

    [Fact]
    public async Task TheLastError_LastDelivery_AndLastReport_AreShown()
    {
        var editor = Factory.CreateClient(Org, "editor");
        var (pipelineId, pi) = await editor.AssignedAsync("Shop");
        var clock = Factory.Clock.GetUtcNow();
        // Whole milliseconds: what a processor sends, and nothing for the database to round.
        var now = new DateTimeOffset(clock.UtcTicks - (clock.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        await Factory.CreateProcessorClient().ReportAsync("p1",
            Report(pi, 10, 1, now.AddMinutes(-5), $$"""{"code":"ga4_500","message":"older","at":"{{Iso(now.AddMinutes(-7))}}"}"""),
            Report(pi, 0, 1, now, $$"""{"code":"ga4_400","message":"newer","at":"{{Iso(now.AddMinutes(-1))}}"}"""));

        var delivery = (await editor.PipelineIntegrationAsync(pipelineId, pi))["delivery"]!;

        delivery["last_error"]!.ToJsonString().Should().Be($$"""{"code":"ga4_400","message":"newer","at":"{{Wire(now.AddMinutes(-1))}}"}""");
        delivery["last_delivered_at"]!.GetValue<string>().Should().Be(Wire(now.AddMinutes(-5)), "the last window with a delivery ended then");
        delivery["last_reported_at"]!.GetValue<string>().Should().Be(Wire(clock), "the time the report was received");
    }

    [Fact]
    public async Task EveryViewOfAPipelineIntegration_ShowsItsStatus_AndTheETagIgnoresIt()
    {
        var editor = Factory.CreateClient(Org, "editor");
        var templateId = await editor.InstallGa4WithReferencesAsync();
        var (pipelineId, pi) = await editor.AssignedAsync("Shop", templateId);
        var path = $"{AssignmentApi.IntegrationsPath(pipelineId)}/{pi}";
        using var before = await editor.GetAsync(new Uri(path, UriKind.Relative));
        var etag = before.Headers.ETag!.ToString();
        (await before.ReadNodeAsync())["status"]!.GetValue<string>().Should().Be("unknown");

        await Factory.CreateProcessorClient().ReportAsync("p1", Report(pi, 0, 30, Factory.Clock.GetUtcNow()));

        using var after = await editor.GetAsync(new Uri(path, UriKind.Relative));
        (await after.ReadNodeAsync())["status"]!.GetValue<string>().Should().Be("failing");
        after.Headers.ETag!.ToString().Should().Be(etag, "what was observed is no change of the pipeline integration");
        (await (await editor.GetAsync(new Uri(AssignmentApi.IntegrationsPath(pipelineId), UriKind.Relative))).ReadNodeAsync())["integrations"]![0]!["status"]!
            .GetValue<string>().Should().Be("failing");
        (await (await editor.GetAsync(new Uri($"{TemplateApi.TemplatesPath}/{templateId}/pipelines", UriKind.Relative))).ReadNodeAsync())["pipelines"]![0]!["status"]!
            .GetValue<string>().Should().Be("failing");
        using var paused = await editor.PutJsonAsync(path, """{"enabled":false}""", ifMatch: etag);
        (await paused.ShouldBeAsync(HttpStatusCode.OK))["status"]!.GetValue<string>().Should().Be("failing",
            "an If-Match from before the reports still matches, and the response shows the status");
    }

    private static string Wire(DateTimeOffset time) => Signal.Domain.Common.WireNames.Of(time);

    private Task<MaintenancePass> MaintenanceAsync() => Factory.Services.GetRequiredService<DeliveryMaintenance>().RunOnceAsync(default);
}
