namespace Signal.Bench.Runner;

/// <summary>What bench/run hands the runner, and the sizes of the full and quick runs.</summary>
public sealed record BenchOptions(
    bool Quick,
    bool Telemetry,
    string Root,
    string ConnectionString,
    string SigningKey,
    string MasterKey,
    int BigOrgPipelines,
    int OtherPipelines,
    int AuditEvents,
    int Rounds,
    int SecondsPerRun,
    int SteadySeconds,
    int MinWarmUpRuns,
    int MaxWarmUpRuns)
{
    public static BenchOptions From(string[] args)
    {
        string Arg(string name) =>
            args.SkipWhile(a => a != $"--{name}").Skip(1).FirstOrDefault() ?? throw new ArgumentException($"--{name} is required");
        var quick = args.Contains("--quick");
        return new BenchOptions(
            quick,
            Environment.GetEnvironmentVariable("SIGNAL_BENCH_TELEMETRY") != "off",
            Arg("root"),
            Arg("connection"),
            Arg("signing-key"),
            Arg("master-key"),
            BigOrgPipelines: quick ? 200 : 10_000,
            OtherPipelines: quick ? 9_800 : 990_000,
            AuditEvents: quick ? 20_000 : 1_000_000,
            Rounds: quick ? 1 : 3,
            SecondsPerRun: quick ? 2 : 10,
            SteadySeconds: quick ? 3 : 60,
            MinWarmUpRuns: quick ? 1 : 3,
            MaxWarmUpRuns: quick ? 1 : 12);
    }
}
