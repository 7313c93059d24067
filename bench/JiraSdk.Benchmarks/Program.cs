using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "alloc")
{
    await JiraSdk.Benchmarks.AllocationProbe.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 4000, args.Contains("breakdown"));
    return;
}

if (args.Length > 0 && args[0] == "time")
{
    await JiraSdk.Benchmarks.TimeProbe.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 41, args.Contains("breakdown"));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(JiraSdk.Benchmarks.JiraClientBenchmarks).Assembly).Run(args);
