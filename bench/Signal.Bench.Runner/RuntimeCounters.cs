using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace Signal.Bench.Runner;

/// <summary>
/// The server's own GC counters over a run, read through EventPipe (what dotnet-counters shows): bytes allocated and
/// gen-2 collections, summed from the per-second increments of the System.Runtime event counters.
/// </summary>
public sealed class RuntimeCounters : IAsyncDisposable
{
    private readonly EventPipeSession _session;
    private readonly Task _processing;
    private double _allocatedBytes;
    private double _gen2Collections;

    private RuntimeCounters(EventPipeSession session)
    {
        _session = session;
        var source = new EventPipeEventSource(session.EventStream);
        source.Dynamic.All += OnEvent;
        _processing = Task.Run(source.Process);
    }

    public double AllocatedBytes => Volatile.Read(ref _allocatedBytes);

    public double Gen2Collections => Volatile.Read(ref _gen2Collections);

    public static RuntimeCounters Start(int pid) => new(new DiagnosticsClient(pid).StartEventPipeSession(
        [new EventPipeProvider("System.Runtime", EventLevel.Informational, 0, new Dictionary<string, string> { ["EventCounterIntervalSec"] = "1" })],
        requestRundown: false));

    public async ValueTask DisposeAsync()
    {
        // Let the last interval's counters arrive before the session ends.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await _session.StopAsync(CancellationToken.None);
        await _processing;
        _session.Dispose();
    }

    private void OnEvent(TraceEvent traceEvent)
    {
        if (traceEvent.EventName != "EventCounters"
            || traceEvent.PayloadValue(0) is not IDictionary<string, object> outer
            || outer["Payload"] is not IDictionary<string, object> payload
            || !payload.TryGetValue("Increment", out var increment))
        {
            return;
        }

        var value = Convert.ToDouble(increment, System.Globalization.CultureInfo.InvariantCulture);
        switch (payload["Name"] as string)
        {
            case "alloc-rate":
                _allocatedBytes += value;
                break;
            case "gen-2-gc-count":
                _gen2Collections += value;
                break;
        }
    }
}
