using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Signal.Bench.Micro.HotPaths).Assembly).Run(args);
