using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "alloc")
{
    await JiraSdk.Benchmarks.AllocationProbe.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 4000, args.Contains("breakdown"), args.Contains("blocking"));
    return;
}

if (args.Length > 0 && args[0] == "time")
{
    await JiraSdk.Benchmarks.TimeProbe.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 41, args.Contains("breakdown"));
    return;
}

if (args.Length > 1 && args[0] == "loop")
{
    // A steady loop of one benchmark method for a CPU profiler (perf with DOTNET_PerfMapEnabled=1), for the given seconds.
    var seconds = args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20;
    await JiraSdk.Benchmarks.JiraClientBenchmarks.WithStartedAsync(async benchmarks =>
    {
        var method = typeof(JiraSdk.Benchmarks.JiraClientBenchmarks).GetMethod(args[1]) ?? throw new ArgumentException("no benchmark " + args[1]);
        var call = (Func<Task>)(() => (Task)method.Invoke(benchmarks, null)!);
        var until = System.Diagnostics.Stopwatch.GetTimestamp() + (long)(seconds * System.Diagnostics.Stopwatch.Frequency);
        var calls = 0;
        while (System.Diagnostics.Stopwatch.GetTimestamp() < until)
        {
            await call();
            calls++;
        }
        Console.WriteLine($"{args[1]}: {calls} calls, {seconds * 1e6 / calls:N1} µs/call");
    });
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(JiraSdk.Benchmarks.JiraClientBenchmarks).Assembly).Run(args);
