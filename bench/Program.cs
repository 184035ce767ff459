using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Dispatch.Bench.BenchConfig).Assembly).Run(args, new Dispatch.Bench.BenchConfig());
