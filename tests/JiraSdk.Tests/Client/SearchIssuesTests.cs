using System.Net;
using System.Text;
using System.Web;
using JiraSdk.Tests.Http.Support;
using Microsoft.Extensions.Time.Testing;

namespace JiraSdk.Tests.Client;

public class SearchIssuesTests
{
    /// <summary>Answers searches from a script and records every query it was asked.</summary>
    private sealed class FakeSearch : HttpMessageHandler
    {
        private readonly Func<System.Collections.Specialized.NameValueCollection, string> _page;
        public readonly List<System.Collections.Specialized.NameValueCollection> Queries = new();
        public bool Record = true;
        public string? LastPath;

        public FakeSearch(Func<System.Collections.Specialized.NameValueCollection, string> page) => _page = page;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var query = HttpUtility.ParseQueryString(request.RequestUri!.Query);
            if (Record) lock (Queries) Queries.Add(query);
            LastPath = request.RequestUri.AbsolutePath;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(_page(query), Encoding.UTF8, "application/json") });
        }
    }

    private static string Issue(int n, int padding = 0) =>
        $"{{\"id\":\"{10000 + n}\",\"key\":\"DOCS-{n}\",\"fields\":{{\"summary\":\"Issue {n}\",\"labels\":[\"l{n % 3}\"],\"description\":\"{new string('d', padding)}\"}}}}";

    private static string Issues(int from, int count, int padding = 0) => string.Join(",", Enumerable.Range(from, count).Select(n => Issue(n, padding)));

    [Test]
    public async Task V3StreamsTokenPagesIncludingAnEmptyOne()
    {
        var fake = new FakeSearch(q => q["nextPageToken"] switch
        {
            null => $"{{\"issues\":[{Issues(1, 2)}],\"nextPageToken\":\"p2\"}}",
            "p2" => "{\"issues\":[],\"nextPageToken\":\"p3\"}",
            "p3" => $"{{\"issues\":[{Issues(3, 2)}],\"nextPageToken\":\"p4\"}}",
            "p4" => $"{{\"issues\":[{Issues(5, 1)}],\"isLast\":true}}",
            _ => throw new InvalidOperationException(),
        });
        using var jira = new JiraClient(TestPipeline.Create(fake, new FakeTimeProvider()));

        var keys = new List<string?>();
        await foreach (var issue in jira.V3.SearchIssuesAsync("project = \"DOCS\" AND text ~ 'a+b'", ["summary", "labels"], "names", pageSize: 2))
            keys.Add(issue.Key + ":" + issue.Fields!.Summary);

        Assert.That(keys, Is.EqualTo(new[] { "DOCS-1:Issue 1", "DOCS-2:Issue 2", "DOCS-3:Issue 3", "DOCS-4:Issue 4", "DOCS-5:Issue 5" }));
        Assert.That(fake.LastPath, Is.EqualTo("/rest/api/3/search/jql"));
        Assert.That(fake.Queries, Has.Count.EqualTo(4));
        Assert.That(fake.Queries[0]["jql"], Is.EqualTo("project = \"DOCS\" AND text ~ 'a+b'"));
        Assert.That(fake.Queries[0]["fields"], Is.EqualTo("summary,labels"));
        Assert.That(fake.Queries[0]["expand"], Is.EqualTo("names"));
        Assert.That(fake.Queries[0]["maxResults"], Is.EqualTo("2"));
    }

    [Test]
    public async Task SearchPagesCarryTheTokenToResumeFromAndResumeThere()
    {
        var fake = new FakeSearch(q => q["nextPageToken"] switch
        {
            null => $"{{\"issues\":[{Issues(1, 2)}],\"nextPageToken\":\"p2\"}}",
            "p2" => $"{{\"issues\":[{Issues(3, 1)}],\"isLast\":true}}",
            _ => throw new InvalidOperationException(),
        });
        using var jira = new JiraClient(TestPipeline.Create(fake, new FakeTimeProvider()));
        var search = jira.V3.SearchIssuesAsync("project = DOCS", pageSize: 2);

        var pages = new List<(string?[] Keys, string? Token)>();
        await foreach (var page in search.AsPages()) pages.Add((page.Values.Select(i => i.Key).ToArray(), page.ContinuationToken));
        var resumed = new List<string?>();
        await foreach (var page in search.AsPages(pages[0].Token, pageSizeHint: 5)) resumed.AddRange(page.Values.Select(i => i.Key));

        Assert.That(pages.Select(p => p.Token), Is.EqualTo(new[] { "p2", null }));
        Assert.That(pages[0].Keys, Is.EqualTo(new[] { "DOCS-1", "DOCS-2" }));
        Assert.That(resumed, Is.EqualTo(new[] { "DOCS-3" }));
        Assert.That(fake.Queries[^1]["nextPageToken"], Is.EqualTo("p2"));
        Assert.That(fake.Queries[^1]["maxResults"], Is.EqualTo("5"));
    }

    [Test]
    public async Task V2OffsetSearchEndsOnAPageExactlyOnTheBoundary()
    {
        var fake = new FakeSearch(q =>
        {
            var startAt = int.Parse(q["startAt"]!);
            return $"{{\"startAt\":{startAt},\"maxResults\":3,\"total\":9,\"issues\":[{Issues(startAt, 3)}]}}";
        });
        using var jira = new JiraClient(TestPipeline.Create(fake, new FakeTimeProvider()));

        var keys = new List<string?>();
        await foreach (var issue in jira.V2.SearchIssuesByOffsetAsync("project = DOCS", pageSize: 3))
            keys.Add(issue.Key);

        Assert.That(keys, Is.EqualTo(Enumerable.Range(0, 9).Select(n => "DOCS-" + n)));
        Assert.That(fake.Queries.Select(q => q["startAt"]), Is.EqualTo(new[] { "0", "3", "6" }));
        Assert.That(fake.LastPath, Is.EqualTo("/rest/api/2/search"));
    }

    [Test]
    public async Task V2CloudSearchUsesTheTokenEndpoint()
    {
        var fake = new FakeSearch(_ => $"{{\"issues\":[{Issues(1, 1)}]}}");
        using var jira = new JiraClient(TestPipeline.Create(fake, new FakeTimeProvider()));

        var count = 0;
        await foreach (var _ in jira.V2.SearchIssuesAsync("project = DOCS")) count++;

        Assert.That(count, Is.EqualTo(1));
        Assert.That(fake.LastPath, Is.EqualTo("/rest/api/2/search/jql"));
    }

    [Test]
    public void CancellationMidStreamStopsFetching()
    {
        var fake = new FakeSearch(q =>
        {
            var page = int.Parse(q["nextPageToken"] ?? "0");
            return $"{{\"issues\":[{Issues(page * 10, 10)}],\"nextPageToken\":\"{page + 1}\"}}";
        });
        using var jira = new JiraClient(TestPipeline.Create(fake, new FakeTimeProvider()));
        using var cancel = new CancellationTokenSource();

        var seen = 0;
        Assert.That(async () =>
        {
            await foreach (var _ in jira.V3.SearchIssuesAsync("project = DOCS", pageSize: 10, cancellationToken: cancel.Token))
                if (++seen == 15) cancel.Cancel();
        }, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(seen, Is.EqualTo(15));
        Assert.That(fake.Queries, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task IssuesKeptFromEarlierPagesStayReadableAfterThoseBuffersAreReused()
    {
        var fake = new FakeSearch(q =>
        {
            var page = int.Parse(q["nextPageToken"] ?? "0");
            return $"{{\"issues\":[{Issues(page * 5, 5, padding: 200)}]" + (page == 5 ? ",\"isLast\":true}" : $",\"nextPageToken\":\"{page + 1}\"}}");
        });
        using var jira = new JiraClient(TestPipeline.Create(fake, new FakeTimeProvider()));

        var kept = new List<JiraSdk.V3.IssueBean>();
        await foreach (var issue in jira.V3.SearchIssuesAsync("project = DOCS", pageSize: 5)) kept.Add(issue);

        Assert.That(kept.Select(i => i.Fields!.Summary), Is.EqualTo(Enumerable.Range(0, 30).Select(n => "Issue " + n)));
        Assert.That(kept.Select(i => i.Fields!.Labels.Single()), Is.EqualTo(Enumerable.Range(0, 30).Select(n => "l" + n % 3)));
    }

    [Test]
    public async Task StoppingEarlyKeepsTheIssuesAlreadyRead()
    {
        var fake = new FakeSearch(_ => $"{{\"issues\":[{Issues(1, 10)}],\"nextPageToken\":\"more\"}}");
        using var jira = new JiraClient(TestPipeline.Create(fake, new FakeTimeProvider()));

        var kept = new List<JiraSdk.V3.IssueBean>();
        await foreach (var issue in jira.V3.SearchIssuesAsync("project = DOCS", pageSize: 10))
        {
            kept.Add(issue);
            if (kept.Count == 3) break;
        }
        await foreach (var _ in jira.V3.SearchIssuesAsync("project = DOCS", pageSize: 10)) break; // reuses the pooled buffer

        Assert.That(kept.Select(i => i.Key), Is.EqualTo(new[] { "DOCS-1", "DOCS-2", "DOCS-3" }));
        Assert.That(fake.Queries, Has.Count.EqualTo(2));
    }

    [TestCase("{\"issues\":{\"id\":\"1\"}}", "$.issues")]
    [TestCase("{\"issues\":[{\"key\":\"DOCS-1\"},42]}", "$.issues[1]")]
    [TestCase("{\"issues\":[],\"total\":1.5}", "$.total")]
    [TestCase("[]", "$")]
    public void AWrongShapedPageIsASerializationErrorNamingThePath(string page, string path)
    {
        var fake = new FakeSearch(_ => page);
        using var jira = new JiraClient(TestPipeline.Create(fake, new FakeTimeProvider()));
        var seen = 0;

        var error = Assert.ThrowsAsync<JiraSdk.Errors.JiraSerializationException>(async () =>
        {
            await foreach (var _ in jira.V2.SearchIssuesByOffsetAsync("project = DOCS")) seen++;
        });

        Assert.That(error!.JsonPath, Is.EqualTo(path));
        Assert.That(error.StatusCode, Is.EqualTo(200));
        Assert.That(error.Body, Is.EqualTo(page));
        Assert.That(seen, Is.Zero, "no issue of a bad page reaches the caller");
    }

    [Test]
    public void ATruncatedPageIsASerializationErrorQuotingTheBody()
    {
        var truncated = $"{{\"issues\":[{Issues(1, 3)}";
        var fake = new FakeSearch(_ => truncated);
        using var jira = new JiraClient(TestPipeline.Create(fake, new FakeTimeProvider()));

        var error = Assert.ThrowsAsync<JiraSdk.Errors.JiraSerializationException>(async () =>
        {
            await foreach (var _ in jira.V3.SearchIssuesAsync("project = DOCS")) { }
        });

        Assert.That(error!.Body, Is.EqualTo(truncated));
        Assert.That(error.JsonPath, Is.Not.Null);
        Assert.That(error.Message, Does.StartWith("The response body is not a SearchAndReconcileResults."));
    }

    [Test]
    public async Task StreamingTenThousandIssuesKeepsTheHeapUnderTwoPages()
    {
        const int pages = 100, perPage = 100;
        var pageBytes = Encoding.UTF8.GetByteCount($"{{\"issues\":[{Issues(0, perPage, padding: 800)}],\"nextPageToken\":\"100\"}}");
        var fake = new FakeSearch(q =>
        {
            var page = int.Parse(q["nextPageToken"] ?? "0");
            var last = page == pages - 1;
            return $"{{\"issues\":[{Issues(page * perPage, perPage, padding: 800)}]" + (last ? ",\"isLast\":true}" : $",\"nextPageToken\":\"{page + 1}\"}}");
        });
        using var jira = new JiraClient(TestPipeline.Create(fake, new FakeTimeProvider()));
        // Warm up over a whole run first: HttpClient buffers responses in ArrayPool arrays, and the pool keeps a few per
        // processor once they have been used. That memory is bounded by the pool, not by the number of pages, and must
        // not be mistaken for pages kept alive.
        await foreach (var _ in jira.V3.SearchIssuesAsync("warm up", pageSize: perPage)) { }
        fake.Record = false; // the test's own bookkeeping must not grow the heap

        // The first sample is taken with the first page in memory (plus one-time costs such as pooled buffers); from
        // there the heap may never grow by another page, whichever of the 100 pages is being read. Each page is sampled
        // twice and the smaller sample counts: retained pages show in both, a passing allocation elsewhere in the test
        // process (another test's background work) in one at most.
        long withOnePage = 0, peak = 0, count = 0, pageMin = long.MaxValue;
        await foreach (var issue in jira.V3.SearchIssuesAsync("project = DOCS", pageSize: perPage))
        {
            count++;
            if (count == 1) withOnePage = LiveHeapBytes();
            else if (count % 50 == 0) pageMin = Math.Min(pageMin, LiveHeapBytes() - withOnePage);
            if (count % perPage == 0)
            {
                peak = Math.Max(peak, pageMin);
                pageMin = long.MaxValue;
            }
        }

        Assert.That(count, Is.EqualTo(pages * perPage));
        Assert.That(peak, Is.LessThan(pageBytes), $"the heap grew {peak} bytes past the first page; one page is {pageBytes} bytes");
    }

    /// <summary>Live managed bytes after a full, compacting collection (the large object heap included, where pages land).</summary>
    private static long LiveHeapBytes()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }
}
