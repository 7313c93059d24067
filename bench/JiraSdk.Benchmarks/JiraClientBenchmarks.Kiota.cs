#if KIOTA
using BenchmarkDotNet.Attributes;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace JiraSdk.Benchmarks;

/// <summary>
/// The same calls through a Kiota client generated from the same spec (<c>-p:CompareKiota=true</c>), with Kiota's default
/// handlers (<see cref="KiotaClientFactory"/>), as a Kiota user runs it. The v3 spec declares issue fields as a free-form
/// object, so Kiota reads them as untyped nodes; the summary and the status name are taken from those.
/// </summary>
public partial class JiraClientBenchmarks
{
    private HttpClientRequestAdapter _kiotaAdapter = null!;
    private Kiota.KiotaJiraClient _kiota = null!;

    partial void StartKiota(Uri address)
    {
        _kiotaAdapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: KiotaClientFactory.Create())
        {
            BaseUrl = address.ToString().TrimEnd('/'),
        };
        _kiota = new Kiota.KiotaJiraClient(_kiotaAdapter);
    }

    partial void StopKiota() => _kiotaAdapter.Dispose();

    [Benchmark, BenchmarkCategory("GET issue")]
    public async Task<string?> KiotaClient_GetIssue()
    {
        var issue = await _kiota.Rest.Api.Three.Issue["DOCS-1"].GetAsync();
        var fields = issue!.Fields!.AdditionalData;
        var summary = (string)fields["summary"]; // Kiota keeps a string of additional data as a string, an object as untyped nodes
        var status = ((UntypedObject)fields["status"]).GetValue();
        return summary + ((UntypedString)status["name"]).GetValue();
    }

    [Benchmark(OperationsPerInvoke = Concurrency), BenchmarkCategory("16-way GET issue")]
    public Task KiotaClient_GetIssue_16Way() => AllAtOnce(KiotaClient_GetIssueKey);

    internal async Task<string?> KiotaClient_GetIssueKey() => (await _kiota.Rest.Api.Three.Issue["DOCS-1"].GetAsync())!.Key;

    [Benchmark, BenchmarkCategory("Search page of 100")]
    public async Task<int> KiotaClient_SearchPage()
    {
        var page = await _kiota.Rest.Api.Three.Search.Jql.GetAsync(request =>
        {
            request.QueryParameters.Jql = "project = DOCS";
            request.QueryParameters.MaxResults = 100;
        });
        var length = 0;
        foreach (var issue in page!.Issues!) length += ((string)issue.Fields!.AdditionalData["summary"]).Length;
        return length;
    }
}
#endif
