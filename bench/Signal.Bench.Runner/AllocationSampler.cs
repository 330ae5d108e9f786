using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace Signal.Bench.Runner;

/// <summary>
/// What a running server allocates, by type: the runtime's allocation ticks (one event about every 100 KB allocated,
/// naming the type of the object that crossed the mark) read over EventPipe for a while, summed per type. A sample, not
/// a count — enough to see which types take the bytes of a hot path while a load tool drives it.
/// </summary>
public static class AllocationSampler
{
    public static async Task<int> RunAsync(int pid, TimeSpan duration, TextWriter output)
    {
        var gcVerbose = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Verbose, (long)ClrTraceEventParser.Keywords.GC);
        using var session = new DiagnosticsClient(pid).StartEventPipeSession([gcVerbose], requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        var bytesByType = new Dictionary<string, long>(StringComparer.Ordinal);
        source.Clr.GCAllocationTick += tick =>
            bytesByType[tick.TypeName ?? "?"] = bytesByType.GetValueOrDefault(tick.TypeName ?? "?") + tick.AllocationAmount64;
        var processing = Task.Run(source.Process);
        await Task.Delay(duration);
        await session.StopAsync(CancellationToken.None);
        await processing;

        var total = Math.Max(1, bytesByType.Values.Sum());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total / 1048576.0:F0} MB sampled in {duration.TotalSeconds:F0} s"));
        foreach (var (type, bytes) in bytesByType.OrderByDescending(t => t.Value).Take(40))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{100.0 * bytes / total,5:F1} %  {type}"));
        }

        return 0;
    }
}
