using System.Diagnostics;

namespace JiraSdk.Benchmarks;

/// <summary>
/// Time ratios against the baseline on a busy machine: the baseline and the SDK run in alternating short rounds, so load
/// that comes and goes hits both alike, and the median of the per-round ratios is reported.
/// <c>dotnet run -c Release --project bench/JiraSdk.Benchmarks -- time [rounds] [breakdown]</c>
/// </summary>
internal static class TimeProbe
{
    public static Task RunAsync(int rounds, bool breakdown) => JiraClientBenchmarks.WithStartedAsync(async benchmarks =>
    {
        const int Way = JiraClientBenchmarks.Concurrency;
        var pairs = new (string Name, Func<Task> Baseline, Func<Task> Sdk, int Invocations, int CallsPerInvocation)[]
        {
            ("GET issue (generated)", () => benchmarks.RawHttpClient_GetIssue(), () => benchmarks.JiraClient_GeneratedGetIssue(), 100, 1),
            ("GET issue, summary + status", () => benchmarks.RawHttpClient_GetIssue(), () => benchmarks.JiraClient_GetIssue(), 100, 1),
            ("16-way GET issue (generated)", () => benchmarks.RawHttpClient_GetIssue_16Way(), () => benchmarks.JiraClient_GeneratedGetIssue_16Way(), 10, Way),
            ("Search page of 100", () => benchmarks.RawHttpClient_SearchPage(), () => benchmarks.JiraClient_SearchPage(), 5, 1),
#if KIOTA
            // Kiota as the baseline: ratios below 1 are how much faster the SDK is (issue 13 asks 16-way ≥ 1.5× Kiota's throughput).
            ("SDK vs Kiota, GET issue, summary + status", () => benchmarks.KiotaClient_GetIssue(), () => benchmarks.JiraClient_GetIssue(), 100, 1),
            ("SDK vs Kiota, 16-way GET issue", () => benchmarks.KiotaClient_GetIssue_16Way(), () => benchmarks.JiraClient_GeneratedGetIssue_16Way(), 10, Way),
            ("SDK vs Kiota, search page of 100", () => benchmarks.KiotaClient_SearchPage(), () => benchmarks.JiraClient_SearchPage(), 5, 1),
#endif
        };
        if (breakdown)
        {
            await HandlerProbe.TimeAsync(benchmarks.Address, rounds);
            // Where the time goes: the pipeline alone (same GET, body read, no model), the generated client alone
            // (over a plain HttpClient), deserializing alone.
            var plain = new HttpClient(new SocketsHttpHandler()) { BaseAddress = benchmarks.Address, Timeout = Timeout.InfiniteTimeSpan };
            var generated = new JiraSdk.V3.IssuesClient(plain);
            var body = System.Text.Encoding.UTF8.GetBytes(Fixtures.Issue(1));
            var options = new System.Text.Json.JsonSerializerOptions();
            JiraSdk.Serialization.JiraJson.Configure(options);
            var deserialize = HandlerProbe.DeserializerLikeTheClients<JiraSdk.V3.IssueBean>();
            pairs =
            [
                .. pairs,
                ("Pipeline vs plain, body", () => HandlerProbe.FetchAsync(plain), () => HandlerProbe.FetchAsync(benchmarks.Jira.HttpClient), 100, 1),
                ("Generated vs raw, plain", () => benchmarks.RawHttpClient_GetIssue(), async () => await generated.GetIssueAsync("DOCS-1"), 100, 1),
                ("Deserialize IssueBean vs raw", () => { System.Text.Json.JsonSerializer.Deserialize(body, RawJson.Default.RawIssue); return Task.CompletedTask; },
                    () => { deserialize(body, options); return Task.CompletedTask; }, 100, 1),
            ];
        }
        foreach (var (name, baseline, sdk, invocations, per) in pairs)
        {
            for (var i = 0; i < invocations * 5; i++)
            {
                await baseline();
                await sdk();
            }
            var ratios = new List<double>();
            double baselineTotal = 0, sdkTotal = 0;
            for (var round = 0; round < rounds; round++)
            {
                var b = await TimeAsync(baseline, invocations);
                var s = await TimeAsync(sdk, invocations);
                baselineTotal += b;
                sdkTotal += s;
                ratios.Add(s / b);
            }
            ratios.Sort();
            var calls = (double)rounds * invocations * per;
            Console.WriteLine($"{name,-30} baseline {baselineTotal * 1e6 / calls,9:N1} µs/call  SDK {sdkTotal * 1e6 / calls,9:N1} µs/call  " +
                              $"ratio median {ratios[ratios.Count / 2]:N2} (quartiles {ratios[ratios.Count / 4]:N2}–{ratios[ratios.Count * 3 / 4]:N2}), {rounds} rounds");
        }
    });

    private static async Task<double> TimeAsync(Func<Task> call, int invocations)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < invocations; i++) await call();
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
