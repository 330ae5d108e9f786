using System.Globalization;
using System.Text;

namespace Signal.Bench.Runner;

/// <summary>One goal of issue 7 as measured: the figure, the ratio where the goal is one, and whether it is met.</summary>
public sealed record GoalResult(string Id, string Goal, string Measured, string Ratio, bool? Passed);

/// <summary>Writes bench/results/latest.md: the goals first, then every run the medians come from.</summary>
public static class Report
{
    public static string Render(BenchOptions options, IReadOnlyList<GoalResult> goals, IReadOnlyList<string> runs, TimeSpan elapsed, long telemetryExports)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Benchmark results ({(options.Quick ? "quick" : "full")} run)");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores; {options.BigOrgPipelines:N0} pipelines in the big organisation " +
            $"(3 assignments each) and {options.OtherPipelines:N0} in 99 others; {options.Rounds} round(s) of {options.SecondsPerRun} s per measurement, " +
            $"product and baseline interleaved; medians. Took {elapsed:mm\\:ss}. Method: docs/performance.md.");
        md.AppendLine();
        md.AppendLine(options.Telemetry
            ? string.Create(CultureInfo.InvariantCulture,
                $"Telemetry on, as in production: traces and metrics exported over OTLP to a collector stand-in on loopback ({telemetryExports:N0} exports), /metrics served.")
            : "Telemetry off (SIGNAL_BENCH_TELEMETRY=off).");
        if (options.Quick)
        {
            md.AppendLine();
            md.AppendLine("A quick run checks that the harness works; its figures are not the goals' verdict.");
        }

        md.AppendLine();
        md.AppendLine("| id | goal | measured | ratio | met |");
        md.AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var goal in goals)
        {
            var met = goal.Passed switch { true => "yes", false => "**no**", null => "not measured" };
            md.AppendLine(CultureInfo.InvariantCulture, $"| {goal.Id} | {goal.Goal} | {goal.Measured} | {goal.Ratio} | {met} |");
        }

        md.AppendLine();
        md.AppendLine("## Runs");
        md.AppendLine();
        md.AppendLine("| run | req/s | p50 ms | p99 ms | CPU µs/req | SQL/req | errors |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var run in runs)
        {
            md.AppendLine(run);
        }

        return md.ToString();
    }
}
