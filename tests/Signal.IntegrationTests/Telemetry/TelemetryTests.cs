using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Signal.Api.Telemetry;
using Signal.IntegrationTests.Delivery;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.Pipelines;
using Signal.IntegrationTests.Webhooks;

namespace Signal.IntegrationTests.Telemetry;

/// <summary>
/// Traces and metrics as an operator sees them: a request's server span with its SQL spans in one trace (and that trace
/// in the problem's <c>trace_id</c>), the Prometheus text at <c>/metrics</c> with the framework's and the service's own
/// instruments, open to scrapers and outside the rate limiter (the settings themselves: <see cref="TelemetrySettingsTests"/>).
/// </summary>
public sealed class TelemetryTests(TelemetryTests.TracedApiFactory factory)
    : ApiTest<TelemetryTests.TracedApiFactory>(factory), IClassFixture<TelemetryTests.TracedApiFactory>
{
    private const string FeedPath = "/v1/processor/config";

    [Fact]
    public async Task ARequest_IsOneTrace_WithItsSqlStatementsAsChildSpans()
    {
        var id = (await Factory.CreateClient(Org, "editor").CreatePipelineAsync("""{"name":"Traced"}""")).Id();

        using var response = await Viewer().GetAsync($"{PipelineApi.PipelinesPath}/{id}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var server = await Factory.WaitForSpanAsync(s => s.Kind == ActivityKind.Server && s.DisplayName == "GET v1/admin/pipelines/{id}");
        server.GetTagItem("http.response.status_code").Should().Be(200);
        var sql = Factory.Spans.Where(s => s.TraceId == server.TraceId && s.Source.Name == "Npgsql").ToList();
        sql.Should().NotBeEmpty("the pipeline is read with SQL inside the request's trace");
        sql.Should().OnlyContain(s => s.Kind == ActivityKind.Client && (string?)s.GetTagItem("db.system.name") == "postgresql");
    }

    [Fact]
    public async Task ConditionalFeedPolls_AreNotTraced_ButAFullFeedIs()
    {
        var processor = Factory.CreateProcessorClient();
        using var full = await processor.GetAsync(FeedPath);
        await Factory.WaitForSpanAsync(s => s.Kind == ActivityKind.Server && s.DisplayName == "GET v1/processor/config");
        var traced = Factory.Spans.Count(s => s.DisplayName == "GET v1/processor/config");

        await WaitForNotModifiedAsync(processor, full.Headers.ETag!);
        using var health = await Factory.CreateClient().GetAsync("/health/live");
        using var after = await Viewer().GetAsync(PipelineApi.PipelinesPath);
        await Factory.WaitForSpanAsync(s => s.Kind == ActivityKind.Server && s.DisplayName == "GET v1/admin/pipelines");

        Factory.Spans.Count(s => s.DisplayName == "GET v1/processor/config").Should().Be(traced, "conditional polls are counted, not traced");
        Factory.Spans.Should().NotContain(s => s.DisplayName.Contains("health", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AProblemsTraceId_IsTheTraceOfTheRequest()
    {
        using var response = await Viewer().GetAsync($"{PipelineApi.PipelinesPath}/pip_unknown");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        var server = await Factory.WaitForSpanAsync(s => s.Kind == ActivityKind.Server && s.GetTagItem("http.response.status_code") is 404);
        problem.GetProperty("trace_id").GetString().Should().Be(server.TraceId.ToHexString());
    }

    [Fact]
    public async Task Metrics_AreScrapedAsPrometheusText_WithOurOwnInstruments()
    {
        var processor = Factory.CreateProcessorClient();
        using var feed = await processor.GetAsync(FeedPath);
        await processor.ReportAsync("proc-1", DeliveryApi.Report("pi_unknown", 1, 0, DateTimeOffset.UtcNow));

        using var response = await Factory.CreateClient().GetAsync(TelemetrySetup.PrometheusPath);

        response.StatusCode.Should().Be(HttpStatusCode.OK, "scrapers carry no token");
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        var text = await response.Content.ReadAsStringAsync();
        text.Should().Contain("signal_processor_feed_responses_total{").And.Contain("result=\"snapshot\"");
        text.Should().Contain("signal_delivery_reports_total{").And.Contain("result=\"ignored\"");
        text.Should().Contain("http_server_request_duration_seconds_bucket{", "ASP.NET Core's request metrics");
        text.Should().Contain("db_client_connection_", "Npgsql's pool metrics");
        text.Should().Contain("dotnet_gc_", "the runtime's metrics");
        foreach (var instrument in TelemetrySetup.NotCollected)
        {
            text.Should().NotContain(instrument.TrimEnd('*').Replace('.', '_'), "requests do not pay for instruments that are not collected");
        }
    }

    [Fact]
    public async Task ConditionalFeedPolls_AreInTheRequestMetrics_UnderTheFeedsRoute()
    {
        var processor = Factory.CreateProcessorClient();
        using var feed = await processor.GetAsync(FeedPath);
        // Every poll after the first carries a remembered token, so it is answered before routing chose the endpoint.
        await WaitForNotModifiedAsync(processor, feed.Headers.ETag!);

        var text = await (await Factory.CreateClient().GetAsync(TelemetrySetup.PrometheusPath)).Content.ReadAsStringAsync();

        text.Split('\n').Should().Contain(line => line.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)
            && line.Contains("http_route=\"v1/processor/config\"", StringComparison.Ordinal)
            && line.Contains("http_response_status_code=\"304\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OwnMeters_CountFeedAnswersByResult_AndDeliveryReports()
    {
        using var metrics = new MetricRecorder(Factory);
        var (_, pipelineIntegration) = await Factory.CreateClient(Org, "editor").AssignedAsync("Counted");
        var processor = Factory.CreateProcessorClient();

        using var snapshot = await processor.GetAsync(FeedPath);
        using var changes = await processor.GetAsync($"{FeedPath}?since=0");
        await WaitForNotModifiedAsync(processor, snapshot.Headers.ETag!);
        await processor.ReportAsync("proc-1",
            DeliveryApi.Report(pipelineIntegration, 5, 0, DateTimeOffset.UtcNow), DeliveryApi.Report("pi_unknown", 1, 0, DateTimeOffset.UtcNow));

        metrics.Total("signal.processor_feed.responses", "result=snapshot").Should().BeGreaterThanOrEqualTo(1);
        metrics.Total("signal.processor_feed.responses", "result=changes").Should().Be(1);
        metrics.Total("signal.processor_feed.responses", "result=not_modified").Should().Be(1);
        metrics.Total("signal.delivery_reports", "result=accepted").Should().Be(1);
        metrics.Total("signal.delivery_reports", "result=ignored").Should().Be(1);
    }

    [Fact]
    public async Task Metrics_AreNotRateLimited()
    {
        var viewer = Factory.CreateClient(Org, "viewer", subject: "user_scraped");
        for (var i = 0; i < TracedApiFactory.Permits; i++)
        {
            (await viewer.GetAsync(PipelineApi.PipelinesPath)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await viewer.GetAsync(PipelineApi.PipelinesPath)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        for (var i = 0; i < 2 * TracedApiFactory.Permits; i++)
        {
            (await Factory.CreateClient().GetAsync(TelemetrySetup.PrometheusPath)).StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    /// <summary>Polls the feed with its ETag until the host's in-memory version has caught up and answers 304.</summary>
    private static async Task WaitForNotModifiedAsync(HttpClient processor, System.Net.Http.Headers.EntityTagHeaderValue etag)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, FeedPath);
            request.Headers.IfNoneMatch.Add(etag);
            using var response = await processor.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return;
            }

            DateTime.UtcNow.Should().BeBefore(deadline, "the feed version follows within seconds");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// The API with <c>/metrics</c> on and its spans collected in memory, through the same instrumentation an OTLP
    /// endpoint would get; a small rate limit, reached only by the test that means to (with a user of its own).
    /// </summary>
    public sealed class TracedApiFactory : SignalApiFactory
    {
        public const int Permits = 50;

        private readonly List<Activity> _spans = [];

        public IReadOnlyList<Activity> Spans
        {
            get
            {
                lock (_spans)
                {
                    return [.. _spans];
                }
            }
        }

        protected override int PermitsPerMinute => Permits;

        /// <summary>The span a request ends with (the server span ends just after the response was sent).</summary>
        public async Task<Activity> WaitForSpanAsync(Func<Activity, bool> match)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (true)
            {
                if (Spans.LastOrDefault(match) is { } span)
                {
                    return span;
                }

                DateTime.UtcNow.Should().BeBefore(deadline, "the span should be exported when the request ends");
                await Task.Delay(20);
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(TelemetrySetup.PrometheusSetting, "true");
            builder.ConfigureServices(services => services.AddOpenTelemetry().WithTracing(tracing => tracing
                .AddSignalInstrumentation()
                .AddProcessor(new SimpleActivityExportProcessor(new ListExporter(_spans)))));
        }

        private sealed class ListExporter(List<Activity> spans) : BaseExporter<Activity>
        {
            public override ExportResult Export(in Batch<Activity> batch)
            {
                lock (spans)
                {
                    foreach (var span in batch)
                    {
                        spans.Add(span);
                    }
                }

                return ExportResult.Success;
            }
        }
    }
}
