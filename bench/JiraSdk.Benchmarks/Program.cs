using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// BenchmarkDotNet rebuilds the project and its dependencies out of process, and the generated V2/V3 clients take
// minutes to compile: the default two-minute build timeout is too short.
var config = DefaultConfig.Instance.WithBuildTimeout(TimeSpan.FromMinutes(20));
BenchmarkSwitcher.FromAssembly(typeof(JiraSdk.Benchmarks.JiraClientBenchmarks).Assembly).Run(args, config);
