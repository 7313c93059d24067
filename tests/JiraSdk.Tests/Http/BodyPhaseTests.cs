using System.Net;
using System.Text;
using JiraSdk.Errors;
using JiraSdk.Http;
using JiraSdk.Tests.Support;

namespace JiraSdk.Tests.Http;

/// <summary>
/// The body is part of the call (issue 13, item 1): failures after the headers are the SDK's exceptions, retried for
/// idempotent requests, bounded by the timeout, and a lying Content-Length costs nothing.
/// </summary>
public class BodyPhaseTests
{
    private const string Issue = "{\"id\":\"10001\",\"key\":\"DOCS-1\",\"fields\":{\"summary\":\"Write the docs\"}}";

    /// <summary>Sends the headers and part of a body that claims <paramref name="claimed"/> bytes, then resets the connection.</summary>
    private static async Task ResetAfterHeadersAsync(HttpListenerResponse response, long claimed = 1000)
    {
        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.ContentLength64 = claimed;
        var start = Encoding.UTF8.GetBytes("{\"id\":\"10001\",");
        await response.OutputStream.WriteAsync(start);
        await response.OutputStream.FlushAsync();
        await Task.Delay(50);
        response.Abort();
    }

    private static JiraClient Client(Uri site, JiraRetryOptions? retry = null, TimeSpan? timeout = null) => new(new JiraClientOptions
    {
        SiteUrl = site,
        Retry = retry ?? new JiraRetryOptions { InitialDelay = TimeSpan.FromMilliseconds(10), Random = () => 0 },
        Timeout = timeout ?? TimeSpan.FromSeconds(30),
    });

    [Test]
    public async Task AResetWhileReadingTheBodyOfAGetIsRetried()
    {
        var calls = 0;
        await using var server = LoopbackServer.Start(async context =>
        {
            if (Interlocked.Increment(ref calls) == 1) await ResetAfterHeadersAsync(context.Response);
            else await LoopbackServer.WriteAsync(context.Response, 200, Issue);
        });
        using var jira = Client(server.BaseUri);

        using var issue = await jira.SendAsync(HttpMethod.Get, "rest/api/3/issue/DOCS-1");

        Assert.That(issue!.RootElement.GetProperty("key").GetString(), Is.EqualTo("DOCS-1"));
        Assert.That(calls, Is.EqualTo(2));
    }

    [Test]
    public async Task AGeneratedClientSeesTheRetriedBodyToo()
    {
        var calls = 0;
        await using var server = LoopbackServer.Start(async context =>
        {
            if (Interlocked.Increment(ref calls) == 1) await ResetAfterHeadersAsync(context.Response);
            else await LoopbackServer.WriteAsync(context.Response, 200, Issue);
        });
        using var jira = Client(server.BaseUri);

        var issue = await jira.V3.Issues.GetIssueAsync("DOCS-1");

        Assert.That(issue.Key, Is.EqualTo("DOCS-1"));
        Assert.That(calls, Is.EqualTo(2));
    }

    [Test]
    public async Task AResetWhileReadingTheBodyIsANetworkErrorNamingTheRequest()
    {
        await using var server = LoopbackServer.Start(context => ResetAfterHeadersAsync(context.Response));
        using var jira = Client(server.BaseUri, JiraRetryOptions.None);

        var error = Assert.ThrowsAsync<JiraNetworkException>(() => jira.SendAsync(HttpMethod.Get, "rest/api/3/issue/DOCS-1"));

        Assert.That(error!.RequestMethod, Is.EqualTo("GET"));
        Assert.That(error.RequestPath, Is.EqualTo("/rest/api/3/issue/DOCS-1"));
    }

    [Test]
    public async Task APostWhoseBodyFailsIsNotSentTwice()
    {
        var calls = 0;
        await using var server = LoopbackServer.Start(async context =>
        {
            Interlocked.Increment(ref calls);
            await LoopbackServer.ReadBodyAsync(context.Request);
            await ResetAfterHeadersAsync(context.Response);
        });
        using var jira = Client(server.BaseUri);

        var error = Assert.ThrowsAsync<JiraNetworkException>(() =>
            jira.SendAsync(HttpMethod.Post, "rest/api/3/issue", new JiraSdk.Raw.JiraRequestOptions().WithJsonBody("{\"fields\":{}}")));

        Assert.That(error!.RequestMethod, Is.EqualTo("POST"));
        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public async Task AGeneratedClientOverAPlainHttpClientReportsABodyResetAsANetworkError()
    {
        await using var server = LoopbackServer.Start(context => ResetAfterHeadersAsync(context.Response));
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        var api = new JiraSdk.V3.JiraApiV3(http);

        var error = Assert.ThrowsAsync<JiraNetworkException>(() => api.Issues.GetIssueAsync("DOCS-1"));

        Assert.That(error!.RequestPath, Is.EqualTo("/rest/api/3/issue/DOCS-1"));
    }

    [Test]
    public async Task ABodyThatStallsEndsAtTheTimeout()
    {
        using var release = new CancellationTokenSource();
        await using var server = LoopbackServer.Start(async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = 1000;
            await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes("{\"id\":"));
            await context.Response.OutputStream.FlushAsync();
            try { await Task.Delay(TimeSpan.FromSeconds(30), release.Token); } catch (OperationCanceledException) { }
            context.Response.Abort();
        });
        using var jira = Client(server.BaseUri, JiraRetryOptions.None, TimeSpan.FromMilliseconds(500));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var error = Assert.ThrowsAsync<JiraTimeoutException>(() => jira.SendAsync(HttpMethod.Get, "rest/api/3/issue/DOCS-1"));

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        Assert.That(error!.RequestPath, Is.EqualTo("/rest/api/3/issue/DOCS-1"));
        release.Cancel();
    }

    [Test]
    public async Task AStreamedDownloadThatStallsEndsAtTheTimeout()
    {
        using var release = new CancellationTokenSource();
        await using var server = LoopbackServer.Start(async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength64 = 1000;
            await context.Response.OutputStream.WriteAsync(new byte[10]);
            await context.Response.OutputStream.FlushAsync();
            try { await Task.Delay(TimeSpan.FromSeconds(30), release.Token); } catch (OperationCanceledException) { }
            context.Response.Abort();
        });
        using var jira = Client(server.BaseUri, JiraRetryOptions.None, TimeSpan.FromMilliseconds(500));

        await using var stream = await jira.SendForStreamAsync(HttpMethod.Get, "rest/api/3/attachment/content/1");
        var error = Assert.ThrowsAsync<JiraTimeoutException>(async () => await stream.CopyToAsync(Stream.Null));

        Assert.That(error!.RequestPath, Is.EqualTo("/rest/api/3/attachment/content/1"));
        release.Cancel();
    }

    [Test]
    public async Task AStreamedDownloadCutShortIsANetworkError()
    {
        await using var server = LoopbackServer.Start(async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength64 = 100_000;
            await context.Response.OutputStream.WriteAsync(new byte[10]);
            await context.Response.OutputStream.FlushAsync();
            await Task.Delay(50);
            context.Response.Abort();
        });
        using var jira = Client(server.BaseUri, JiraRetryOptions.None);

        await using var stream = await jira.SendForStreamAsync(HttpMethod.Get, "rest/api/3/attachment/content/1");

        Assert.ThrowsAsync<JiraNetworkException>(async () => await stream.CopyToAsync(Stream.Null));
    }

    [Test]
    public async Task AContentLengthOfTwoGigabytesCostsOnlyTheBytesThatArrive()
    {
        await using var server = LoopbackServer.Start(context => ResetAfterHeadersAsync(context.Response, claimed: 2_000_000_000));
        using var jira = Client(server.BaseUri, JiraRetryOptions.None);
        await Assert.ThatAsync(() => jira.SendAsync(HttpMethod.Get, "rest/api/3/issue/DOCS-1"), Throws.InstanceOf<JiraNetworkException>()); // warm up

        var before = GC.GetTotalAllocatedBytes(precise: true);
        Assert.ThrowsAsync<JiraNetworkException>(() => jira.SendAsync(HttpMethod.Get, "rest/api/3/issue/DOCS-1"));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.That(allocated, Is.LessThan(16 * 1024 * 1024), "bytes allocated for one call");
    }
}
