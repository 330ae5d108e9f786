using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace Signal.Bench.Runner;

/// <summary>
/// The server's own counters over a run, read through EventPipe (what dotnet-counters shows): bytes allocated and
/// gen-2 collections, summed from the per-second increments of the System.Runtime event counters, and Npgsql's running
/// total of executed commands. Npgsql counts a command (or a batch) once per execution and does not count the BEGIN it
/// prepends nor COMMIT, so its total is the round trips to PostgreSQL besides transaction control.
/// </summary>
public sealed class RuntimeCounters : IAsyncDisposable
{
    private readonly EventPipeSession _session;
    private readonly Task _processing;
    private double _allocatedBytes;
    private double _gen2Collections;
    private readonly List<(DateTime Taken, long Total)> _commandTotals = [];

    private RuntimeCounters(EventPipeSession session)
    {
        _session = session;
        var source = new EventPipeEventSource(session.EventStream);
        source.Dynamic.All += OnEvent;
        _processing = Task.Run(source.Process);
    }

    public double AllocatedBytes => Volatile.Read(ref _allocatedBytes);

    public double Gen2Collections => Volatile.Read(ref _gen2Collections);

    public static RuntimeCounters Start(int pid)
    {
        var everySecond = new Dictionary<string, string> { ["EventCounterIntervalSec"] = "1" };
        return new(new DiagnosticsClient(pid).StartEventPipeSession(
            [
                new EventPipeProvider("System.Runtime", EventLevel.Informational, 0, everySecond),
                new EventPipeProvider("Npgsql", EventLevel.Informational, 0, everySecond),
            ],
            requestRundown: false));
    }

    /// <summary>
    /// The commands Npgsql executed while <paramref name="action"/> ran: the difference between a reading taken after
    /// the call began (waited for before the action starts) and one taken after the action ended. Counter events
    /// arrive about a second after they are taken, so readings are told apart by when they were taken, not received.
    /// </summary>
    public async Task<long> CommandsDuringAsync(Func<Task> action)
    {
        var before = await CommandTotalTakenAfterAsync(DateTime.UtcNow);
        await action();
        return await CommandTotalTakenAfterAsync(DateTime.UtcNow) - before;
    }

    private async Task<long> CommandTotalTakenAfterAsync(DateTime moment)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            lock (_commandTotals)
            {
                foreach (var (taken, total) in _commandTotals)
                {
                    if (taken > moment)
                    {
                        return total;
                    }
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The server did not report Npgsql's total-commands counter.");
    }

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
            || payload["Name"] is not string name)
        {
            return;
        }

        if (name == "total-commands" && payload.TryGetValue("Mean", out var total))
        {
            lock (_commandTotals)
            {
                _commandTotals.Add((traceEvent.TimeStamp.ToUniversalTime(), Convert.ToInt64(total, System.Globalization.CultureInfo.InvariantCulture)));
            }

            return;
        }

        if (!payload.TryGetValue("Increment", out var increment))
        {
            return;
        }

        var value = Convert.ToDouble(increment, System.Globalization.CultureInfo.InvariantCulture);
        switch (name)
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
