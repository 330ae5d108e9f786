using System.Net;
using Signal.Api.Telemetry;
using Signal.IntegrationTests.Hosting;
using Signal.IntegrationTests.Infrastructure;
using Signal.IntegrationTests.Pipelines;
using Signal.IntegrationTests.Webhooks;

namespace Signal.IntegrationTests.Telemetry;

/// <summary>
/// The telemetry settings: with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, the API run as a process exports traces and
/// metrics to it; without <c>Metrics:Prometheus</c> there is no <c>/metrics</c>. Apart from <see cref="TelemetryTests"/>
/// because each test here starts and stops a host of its own in the test process: ASP.NET Core's meters have the same
/// names in every host of a process, so OpenTelemetry in <see cref="TelemetryTests"/>' host listens to theirs too, and
/// when such a host stops, the request metrics it shared vanish from that host's <c>/metrics</c>. (A service runs one
/// host per process; only a test process has several.)
/// </summary>
[Collection(DatabaseTests.Name)]
public sealed class TelemetrySettingsTests
{
    [Fact]
    public async Task WithAnOtlpEndpoint_TracesAndMetricsAreExportedToIt()
    {
        await using var collector = await WebhookReceiver.StartAsync();
        await using var api = await ApiProcess.StartAsync(new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.BaseUrl,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        });
        using var client = new HttpClient { BaseAddress = api.BaseAddress };

        (await client.GetAsync(PipelineApi.PipelinesPath)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(collector.Received.Any(r => r.Path == "/v1/traces") && collector.Received.Any(r => r.Path == "/v1/metrics")))
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "traces and metrics are exported to the configured endpoint");
            await Task.Delay(100);
        }

        collector.Received.Should().OnlyContain(r => r.Headers.ContentType == "application/x-protobuf");
    }

    [Fact]
    public async Task WithoutTheSetting_ThereIsNoMetricsEndpoint()
    {
        await using var plain = new SignalApiFactory();

        using var response = await plain.CreateClient().GetAsync(TelemetrySetup.PrometheusPath);

        response.StatusCode.Should().BeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Unauthorized);
    }
}
