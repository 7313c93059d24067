using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JiraSdk.Benchmarks;

/// <summary>
/// Per-call cost of JiraClient against a raw HttpClient + source-generated System.Text.Json baseline, both against the
/// same Kestrel server on 127.0.0.1. Ratios are per category (GET issue, 100-issue search page).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public partial class JiraClientBenchmarks
{
    private WebApplication _server = null!;
    private HttpClient _raw = null!;
    private JiraClient _jira = null!;

    internal Uri Address { get; private set; } = null!;

    internal JiraClient Jira => _jira;

    [GlobalSetup]
    public async Task StartAsync()
    {
        var issue = Fixtures.Issue(1);
        var page = Fixtures.SearchPage(100);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.MapGet("/rest/api/3/issue/{key}", () => Results.Text(issue, "application/json"));
        _server.MapGet("/rest/api/3/search/jql", () => Results.Text(page, "application/json"));
        await _server.StartAsync();
        var address = new Uri(_server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

        Address = address;
        _raw = new HttpClient(new SocketsHttpHandler()) { BaseAddress = address };
        _jira = new JiraClient(new JiraClientOptions { SiteUrl = address });
        StartKiota(address);
    }

    /// <summary>Sets up the Kiota client when the comparison is compiled in (-p:CompareKiota=true).</summary>
    partial void StartKiota(Uri address);

    partial void StopKiota();

    /// <summary>Runs <paramref name="body"/> against a started server and clients, outside BenchmarkDotNet (the probes).</summary>
    internal static async Task WithStartedAsync(Func<JiraClientBenchmarks, Task> body)
    {
        var benchmarks = new JiraClientBenchmarks();
        await benchmarks.StartAsync();
        try
        {
            await body(benchmarks);
        }
        finally
        {
            await benchmarks.StopAsync();
        }
    }

    [GlobalCleanup]
    public async Task StopAsync()
    {
        _raw.Dispose();
        _jira.Dispose();
        StopKiota();
        await _server.StopAsync();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("GET issue")]
    public async Task<string?> RawHttpClient_GetIssue()
    {
        var issue = await _raw.GetFromJsonAsync("rest/api/3/issue/DOCS-1", RawJson.Default.RawIssue);
        return issue!.Fields!.Summary + issue.Fields.Status!.Name;
    }

    [Benchmark, BenchmarkCategory("GET issue")]
    public async Task<string?> JiraClient_GetIssue()
    {
        var issue = await _jira.V3.Issues.GetIssueAsync("DOCS-1");
        return issue.Fields!.Summary + issue.Fields.Status!.Value.Name;
    }

    [Benchmark, BenchmarkCategory("GET issue")]
    public async Task<string?> JiraClient_GeneratedGetIssue()
    {
        var issue = await _jira.V3.Issues.GetIssueAsync("DOCS-1");
        return issue.Key;
    }

    /// <summary>Calls made at once in the concurrent category: Issue 13 measures throughput with 16 in flight.</summary>
    public const int Concurrency = 16;

    [Benchmark(Baseline = true, OperationsPerInvoke = Concurrency), BenchmarkCategory("16-way GET issue")]
    public Task RawHttpClient_GetIssue_16Way() => AllAtOnce(RawHttpClient_GetIssue);

    [Benchmark(OperationsPerInvoke = Concurrency), BenchmarkCategory("16-way GET issue")]
    public Task JiraClient_GeneratedGetIssue_16Way() => AllAtOnce(JiraClient_GeneratedGetIssue);

    // Time per call with Concurrency calls in flight: its inverse is the throughput the issue compares.
    private static Task AllAtOnce(Func<Task<string?>> call)
    {
        var calls = new Task[Concurrency];
        for (var i = 0; i < calls.Length; i++) calls[i] = call();
        return Task.WhenAll(calls);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Search page of 100")]
    public async Task<int> RawHttpClient_SearchPage()
    {
        var page = await _raw.GetFromJsonAsync("rest/api/3/search/jql?jql=project%20%3D%20DOCS&maxResults=100", RawJson.Default.RawSearchPage);
        var length = 0;
        foreach (var issue in page!.Issues!) length += issue.Fields!.Summary!.Length;
        return length;
    }

    [Benchmark, BenchmarkCategory("Search page of 100")]
    public async Task<int> JiraClient_SearchPage()
    {
        var length = 0;
        await foreach (var issue in _jira.V3.SearchIssuesAsync("project = DOCS", pageSize: 100))
            length += issue.Fields!.Summary!.Length;
        return length;
    }
}
