using System.Diagnostics;

namespace JiraSdk.Benchmarks;

/// <summary>
/// Bytes allocated per call of each <see cref="JiraClientBenchmarks"/> method, without BenchmarkDotNet: allocations do
/// not depend on the machine's load, so they can be driven down on a busy machine where time ratios are noise.
/// <c>dotnet run -c Release --project bench/JiraSdk.Benchmarks -- alloc [calls] [breakdown]</c>
/// </summary>
/// <remarks>
/// Counts the whole process (<see cref="GC.GetTotalAllocatedBytes"/>), the loopback server included, as
/// BenchmarkDotNet's MemoryDiagnoser does in process; the server's share is the same for every method.
/// </remarks>
internal static class AllocationProbe
{
    public static Task RunAsync(int calls, bool breakdown, bool blocking = false) => JiraClientBenchmarks.WithStartedAsync(async benchmarks =>
    {
        if (breakdown) await HandlerProbe.RunAsync(benchmarks.Address, calls);
        const int Way = JiraClientBenchmarks.Concurrency;
        var cases = new (string Name, Func<Task> Call, int Invocations, int CallsPerInvocation)[]
        {
            ("RawHttpClient_GetIssue", () => benchmarks.RawHttpClient_GetIssue(), calls, 1),
            ("JiraClient_GetIssue", () => benchmarks.JiraClient_GetIssue(), calls, 1),
            ("JiraClient_GeneratedGetIssue", () => benchmarks.JiraClient_GeneratedGetIssue(), calls, 1),
            ("RawHttpClient_GetIssue_16Way", () => benchmarks.RawHttpClient_GetIssue_16Way(), calls / Way, Way),
            ("JiraClient_GeneratedGetIssue_16Way", () => benchmarks.JiraClient_GeneratedGetIssue_16Way(), calls / Way, Way),
            ("RawHttpClient_SearchPage", () => benchmarks.RawHttpClient_SearchPage(), calls / 20, 1),
            ("JiraClient_SearchPage", () => benchmarks.JiraClient_SearchPage(), calls / 20, 1),
#if KIOTA
            ("KiotaClient_GetIssue", () => benchmarks.KiotaClient_GetIssue(), calls, 1),
            ("KiotaClient_GetIssue_16Way", () => benchmarks.KiotaClient_GetIssue_16Way(), calls / Way, Way),
            ("KiotaClient_SearchPage", () => benchmarks.KiotaClient_SearchPage(), calls / 20, 1),
#endif
        };
        if (breakdown)
        {
            // Where a typed GET's bytes go: the generated client without the pipeline, the pipeline without the
            // generated client, and deserializing alone.
            var plain = new HttpClient(new SocketsHttpHandler()) { BaseAddress = benchmarks.Address };
            var generated = new JiraSdk.V3.IssuesClient(plain);
            var piped = benchmarks.Jira.HttpClient;
            var body = System.Text.Encoding.UTF8.GetBytes(Fixtures.Issue(1));
            var options = new System.Text.Json.JsonSerializerOptions();
            JiraSdk.Serialization.JiraJson.Configure(options);
            var deserialize = HandlerProbe.DeserializerLikeTheClients<JiraSdk.V3.IssueBean>();
            // The benchmarks call anonymously, as the baseline does; a real client adds the route and authentication steps.
            var basic = new JiraClient(new JiraClientOptions
            {
                SiteUrl = benchmarks.Address,
                Authentication = JiraSdk.Auth.JiraAuthentication.Basic("bench@example.com", "not-a-real-token"),
            });
            cases =
            [
                .. cases,
                ("Generated, Basic authentication", async () => await basic.V3.Issues.GetIssueAsync("DOCS-1"), calls, 1),
                ("Generated over plain HttpClient", async () => await generated.GetIssueAsync("DOCS-1"), calls, 1),
                ("Plain HttpClient, body", () => HandlerProbe.FetchAsync(plain), calls, 1),
                ("Pipeline HttpClient, body", () => HandlerProbe.FetchAsync(piped), calls, 1),
                ("Deserialize IssueBean only", () => { deserialize(body, options); return Task.CompletedTask; }, calls, 1),
                ("Deserialize RawIssue only", () => { System.Text.Json.JsonSerializer.Deserialize(body, RawJson.Default.RawIssue); return Task.CompletedTask; }, calls, 1),
            ];
        }
        using var sampler = breakdown ? new AllocSampler() : null;
        foreach (var (name, call, invocations, per) in cases)
        {
            var n = invocations * per;
            for (var i = 0; i < Math.Max(50, invocations / 10); i++) await call(); // warm up: JIT, pools, connections
            GC.Collect();
            if (sampler is not null)
            {
                sampler.Take(0);
                sampler.On = true;
            }
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var started = Stopwatch.GetTimestamp();
            if (blocking) await BlockingAsync(call, invocations);
            else for (var i = 0; i < invocations; i++) await call();
            var elapsed = Stopwatch.GetElapsedTime(started);
            var bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
            Console.WriteLine($"{name,-36} {bytes / (double)n,12:N0} B/op {elapsed.TotalMilliseconds * 1000 / n,10:N1} µs/op  ({n} ops)");
            if (sampler is not null)
            {
                sampler.On = false;
                foreach (var (type, sampled) in sampler.Take(12))
                    Console.WriteLine($"      {sampled / (double)n,10:N0} B/op (sampled)  {type}");
            }
        }
    });

    /// <summary>
    /// The calls made the way BenchmarkDotNet's harness makes them: from one thread of its own that blocks on each, so every
    /// call starts on that thread and finishes on the thread pool (<c>alloc … blocking</c>).
    /// </summary>
    private static Task BlockingAsync(Func<Task> call, int invocations)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                for (var i = 0; i < invocations; i++) call().GetAwaiter().GetResult();
                done.SetResult();
            }
            catch (Exception failure)
            {
                done.SetException(failure);
            }
        }) { IsBackground = true };
        thread.Start();
        return done.Task;
    }
}
