using System.Globalization;

namespace Signal.Bench.Runner;

/// <summary>A load run plus what the server spent on it: CPU from /proc and SQL statements from pg_stat_statements.</summary>
public sealed record Measurement(string Name, LoadResult Load, double CpuMicrosPerRequest, double SqlPerRequest)
{
    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Name} | {Load.RequestsPerSecond:F0} | {Load.P50Ms:F2} | {Load.P99Ms:F2} | {CpuMicrosPerRequest:F0} | {SqlPerRequest:F2} | {Load.Errors} |");

    public static async Task<Measurement> TakeAsync(string name, ServerProcess server, Database database, Func<Task<LoadResult>> load)
    {
        await database.ResetStatementsAsync();
        var cpuBefore = server.CpuTime();
        var result = await load();
        var cpu = server.CpuTime() - cpuBefore;
        var statements = await database.StatementsAsync();
        var requests = Math.Max(1, result.Requests);
        return new Measurement(name, result, cpu.TotalMicroseconds / requests, (double)statements / requests);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
