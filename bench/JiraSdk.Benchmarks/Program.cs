using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(JiraSdk.Benchmarks.JiraClientBenchmarks).Assembly).Run(args);
