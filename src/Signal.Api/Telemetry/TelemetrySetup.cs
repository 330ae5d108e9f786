using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Signal.Api.Http;
using Signal.Application.Common.Telemetry;

namespace Signal.Api.Telemetry;

/// <summary>
/// OpenTelemetry (docs/operations.md): traces of every request with its SQL and outgoing HTTP, and metrics of requests,
/// the runtime, the connection pool and the service's own meter. Each is collected only when something consumes it —
/// traces when an OTLP endpoint is configured, metrics when OTLP or the Prometheus endpoint is on — so a service with
/// neither pays nothing for them. Logs are JSON on the console in Production, with the trace and span ids.
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "signal-api";
    public const string PrometheusSetting = "Metrics:Prometheus";
    public const string PrometheusPath = "/metrics";
    private const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddSignalTelemetry(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsProduction())
        {
            builder.Logging.AddJsonConsole(json =>
            {
                // The trace and span ids travel as a scope (the host tracks them for every log of a request).
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]);
        var prometheus = builder.Configuration.GetValue<bool>(PrometheusSetting);
        if (!otlp && !prometheus)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddSignalInstrumentation();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }

                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing.AddSignalInstrumentation().AddOtlpExporter());
        }

        return builder;
    }

    /// <summary>The spans of a request: the server span, one per SQL command and one per outgoing HTTP call.</summary>
    public static TracerProviderBuilder AddSignalInstrumentation(this TracerProviderBuilder tracing) => tracing
        .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsProbeScrapeOrFeedPoll(context.Request))
        .AddHttpClientInstrumentation()
        .AddNpgsql();

    public static MeterProviderBuilder AddSignalInstrumentation(this MeterProviderBuilder metrics)
    {
        metrics
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddRuntimeInstrumentation()
            .AddNpgsqlInstrumentation()
            .AddMeter(SignalMetrics.MeterName);
        foreach (var instrument in NotCollected)
        {
            metrics.AddView(instrument, MetricStreamConfiguration.Drop);
        }

        return metrics;
    }

    /// <summary>
    /// Instruments recorded several times on every request whose figures the ones kept already give: request duration
    /// by route and status (429s included), SQL duration, pool usage, the runtime's memory. A dropped instrument is not
    /// listened to at all, so the hot paths stop paying for it (docs/performance.md).
    /// </summary>
    public static readonly IReadOnlyList<string> NotCollected =
    [
        "aspnetcore.authentication.authenticate.duration",
        "aspnetcore.authorization.attempts",
        "aspnetcore.routing.match_attempts",
        "aspnetcore.rate_limiting.request_lease.duration",
        "aspnetcore.rate_limiting.active_request_leases",
        "aspnetcore.memory_pool.*",
        "db.client.operation.npgsql.bytes_read",
        "db.client.operation.npgsql.bytes_written",
        "db.client.operation.npgsql.executing",
    ];

    /// <summary>
    /// Maps <c>/metrics</c> when <c>Metrics:Prometheus</c> is true: anonymous (scrapers carry no token; keep the port
    /// on the internal network) and outside the rate limiter, which only limits <c>/v1</c>.
    /// </summary>
    public static WebApplication MapSignalMetrics(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>(PrometheusSetting))
        {
            app.MapPrometheusScrapingEndpoint(PrometheusPath).AllowAnonymous();
        }

        return app;
    }

    /// <summary>
    /// Requests not traced: health probes, metric scrapes, and the processors' conditional feed polls — every processor
    /// polls every few seconds, almost always to hear "unchanged" (304 from memory), and a span of each would cost the
    /// hottest path more than the poll itself. They are counted instead (request metrics and
    /// <c>signal.processor_feed.responses</c>).
    /// </summary>
    private static bool IsProbeScrapeOrFeedPoll(HttpRequest request) =>
        request.Path.StartsWithSegments("/health")
        || request.Path.StartsWithSegments(PrometheusPath)
        || (request.Path.StartsWithSegments(FeedNotModified.FeedPath) && request.Headers.IfNoneMatch.Count > 0);
}
