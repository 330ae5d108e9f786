using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Signal.Bench.Runner;

/// <summary>One measured run of a load tool.</summary>
public sealed record LoadResult(double RequestsPerSecond, long Requests, double P50Ms, double P99Ms, int Errors);

/// <summary>wrk (closed loop, as fast as possible) and hey (fixed rate), driven as processes and read from their output.</summary>
public static partial class LoadTools
{
    private const string RandomPathScript = """
        local paths = {}
        for line in io.lines(os.getenv("SIGNAL_BENCH_PATHS")) do paths[#paths + 1] = line end
        request = function() return wrk.format(nil, paths[math.random(#paths)]) end
        """;

    /// <summary>wrk with 2 threads and 8 connections over <paramref name="paths"/> (picked at random per request).</summary>
    public static async Task<LoadResult> WrkAsync(Uri server, IReadOnlyList<string> paths, IReadOnlyDictionary<string, string> headers, int seconds)
    {
        var work = Directory.CreateTempSubdirectory("signal-bench-");
        var pathsFile = Path.Combine(work.FullName, "paths.txt");
        var script = Path.Combine(work.FullName, "random.lua");
        await File.WriteAllLinesAsync(pathsFile, paths);
        await File.WriteAllTextAsync(script, RandomPathScript);
        var arguments = new List<string> { "-t2", "-c8", $"-d{seconds}s", "--latency", "-s", script };
        foreach (var (name, value) in headers)
        {
            arguments.AddRange(["-H", $"{name}: {value}"]);
        }

        arguments.Add(server.ToString().TrimEnd('/'));
        var output = await RunAsync("wrk", arguments, new Dictionary<string, string> { ["SIGNAL_BENCH_PATHS"] = pathsFile });
        work.Delete(recursive: true);

        var errors = WrkErrors().Match(output) is { Success: true } e ? int.Parse(e.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var non2xx = WrkNon2xx().Match(output) is { Success: true } n ? int.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new LoadResult(
            Number(WrkRate(), output),
            (long)Number(WrkRequests(), output),
            WrkLatency(output, "50%"),
            WrkLatency(output, "99%"),
            errors + non2xx);
    }

    /// <summary>hey at a fixed total rate (8 workers) against one URL.</summary>
    public static async Task<LoadResult> HeyAsync(Uri url, IReadOnlyDictionary<string, string> headers, int seconds, double totalRate)
    {
        var arguments = new List<string> { "-z", $"{seconds}s", "-c", "8", "-q", Math.Max(1, totalRate / 8).ToString("0", CultureInfo.InvariantCulture) };
        foreach (var (name, value) in headers)
        {
            arguments.AddRange(["-H", $"{name}: {value}"]);
        }

        arguments.Add(url.ToString());
        var output = await RunAsync("hey", arguments, new Dictionary<string, string>());
        var statuses = HeyStatus().Matches(output).Select(m => (Code: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Count: long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
        return new LoadResult(
            Number(HeyRate(), output),
            statuses.Sum(s => s.Count),
            HeyLatency(output, "50%"),
            HeyLatency(output, "99%"),
            (int)statuses.Where(s => s.Code >= 400).Sum(s => s.Count));
    }

    private static async Task<string> RunAsync(string tool, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{tool} failed: {error}{output}");
    }

    private static double Number(Regex pattern, string output) =>
        double.Parse(pattern.Match(output).Groups[1].Value, CultureInfo.InvariantCulture);

    private static double WrkLatency(string output, string percentile)
    {
        var match = Regex.Match(output, $@"^\s+{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    private static double HeyLatency(string output, string percentile) =>
        double.Parse(Regex.Match(output, $@"{Regex.Escape(percentile)} in ([\d.]+) secs").Groups[1].Value, CultureInfo.InvariantCulture) * 1000;

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex WrkRate();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex WrkRequests();

    [GeneratedRegex(@"Socket errors: connect (\d+)")]
    private static partial Regex WrkErrors();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex WrkNon2xx();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex HeyRate();

    [GeneratedRegex(@"\[(\d{3})\]\s+(\d+) responses")]
    private static partial Regex HeyStatus();
}
