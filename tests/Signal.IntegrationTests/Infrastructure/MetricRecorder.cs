using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Signal.Application.Common.Telemetry;

namespace Signal.IntegrationTests.Infrastructure;

/// <summary>
/// Records what one host's <see cref="SignalMetrics"/> count while it is alive. Only that host's instruments are heard
/// (they are scoped to its meter factory), so other hosts of the test process do not interfere.
/// </summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, string Tags, long Value)> _measurements = new();

    public MetricRecorder(SignalApiFactory factory)
    {
        var scope = factory.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SignalMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _measurements.Enqueue((instrument.Name, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}")), value)));
        _listener.Start();
    }

    /// <summary>The sum of what <paramref name="instrument"/> counted with exactly these tags (<c>result=snapshot</c>).</summary>
    public long Total(string instrument, string tags) =>
        _measurements.Where(m => m.Instrument == instrument && m.Tags == tags).Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();
}
