using System.IO.Compression;
using System.Net;
using System.Text;
using JiraSdk.Errors;
using JiraSdk.Http;
using JiraSdk.Raw;
using JiraSdk.Tests.Support;

namespace JiraSdk.Tests.Http;

/// <summary>
/// Compressed responses (RFC 9110 §8.4.1): the pipeline asks for gzip, deflate and br and decodes bodies itself, buffered
/// or streamed; a damaged compressed body is a damaged transfer; compressed failures, login pages and bodiless answers
/// that name a coding end as uncompressed ones do.
/// </summary>
public class ResponseCompressionTests
{
    private const string Issue = "{\"id\":\"10001\",\"key\":\"DOCS-1\",\"fields\":{\"summary\":\"Write the docs – ünïcode\"}}";

    private static byte[] Compress(string coding, byte[] data)
    {
        using var output = new MemoryStream();
        using (Stream compressor = coding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true),
            _ => new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true),
        })
            compressor.Write(data);
        return output.ToArray();
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, string? coding, byte[] body, string? contentType)
    {
        response.StatusCode = status;
        if (contentType is not null) response.ContentType = contentType;
        if (coding is not null) response.AddHeader("Content-Encoding", coding);
        response.ContentLength64 = body.Length;
        if (body.Length > 0) await response.OutputStream.WriteAsync(body);
        response.Close();
    }

    private static Task WriteCompressedAsync(HttpListenerResponse response, string coding, byte[] body, string contentType) =>
        WriteAsync(response, 200, coding, body, contentType);

    private static JiraClient Client(Uri site, int attempts = 1, long? maxBodyBytes = null)
    {
        var options = new JiraClientOptions
        {
            SiteUrl = site,
            Retry = new JiraRetryOptions { MaxAttempts = attempts, InitialDelay = TimeSpan.FromMilliseconds(5), Random = () => 0 },
        };
        if (maxBodyBytes is { } max) options.MaxResponseBodyBytes = max;
        return new JiraClient(options);
    }

    [TestCase("gzip")]
    [TestCase("deflate")]
    [TestCase("br")]
    public async Task AJsonBodyIsAskedForCompressedAndReadDecoded(string coding)
    {
        var compressed = Compress(coding, Encoding.UTF8.GetBytes(Issue));
        await using var server = LoopbackServer.Start(context => WriteCompressedAsync(context.Response, coding, compressed, "application/json"));
        using var jira = Client(server.BaseUri);

        var issue = await jira.V3.Issues.GetIssueAsync("DOCS-1");
        using var raw = await jira.SendForResponseAsync(HttpMethod.Get, "rest/api/3/issue/DOCS-1");

        Assert.That(issue.Key, Is.EqualTo("DOCS-1"));
        Assert.That(issue.Fields!.Summary, Is.EqualTo("Write the docs – ünïcode"));
        Assert.That(await raw.Content.ReadAsStringAsync(), Is.EqualTo(Issue));
        Assert.That(raw.Content.Headers.ContentEncoding, Is.Empty, "the body held is decoded");
        Assert.That(raw.Content.Headers.ContentLength, Is.EqualTo(Encoding.UTF8.GetByteCount(Issue)));
        Assert.That(server.Requests.Select(r => r.Headers["Accept-Encoding"]), Is.All.EqualTo("gzip, deflate, br"));
        Assert.That(server.HandlerErrors, Is.Empty);
    }

    [TestCase("gzip")]
    [TestCase("br")]
    public async Task AStreamedDownloadIsDecodedAsItIsRead(string coding)
    {
        var file = new byte[200_000];
        new Random(7).NextBytes(file.AsSpan(0, 1000)); // the rest compresses well
        var compressed = Compress(coding, file);
        await using var server = LoopbackServer.Start(context => WriteCompressedAsync(context.Response, coding, compressed, "application/octet-stream"));
        using var jira = Client(server.BaseUri);

        await using var stream = await jira.SendForStreamAsync(HttpMethod.Get, "rest/api/3/attachment/content/10000");
        using var read = new MemoryStream();
        await stream.CopyToAsync(read);

        Assert.That(read.ToArray(), Is.EqualTo(file));
    }

    [Test]
    public async Task ADamagedCompressedBodyIsRetriedAndThenANetworkErrorNamingTheRequest()
    {
        var calls = 0;
        await using var server = LoopbackServer.Start(context =>
        {
            Interlocked.Increment(ref calls);
            return WriteCompressedAsync(context.Response, "gzip", Encoding.UTF8.GetBytes("this is not gzip at all"), "application/json");
        });
        using var jira = Client(server.BaseUri, attempts: 3);

        var error = Assert.ThrowsAsync<JiraNetworkException>(() => jira.V3.Issues.GetIssueAsync("DOCS-1"));

        Assert.That(error!.RequestMethod, Is.EqualTo("GET"));
        Assert.That(error.RequestPath, Is.EqualTo("/rest/api/3/issue/DOCS-1"));
        Assert.That(error.InnerException, Is.InstanceOf<IOException>());
        Assert.That(calls, Is.EqualTo(3));
    }

    [Test]
    public async Task ACallersOwnAcceptEncodingIsSentAsItIs()
    {
        await using var server = LoopbackServer.Start(context => LoopbackServer.WriteAsync(context.Response, 200, Issue));
        using var jira = Client(server.BaseUri);
        var options = new JiraRequestOptions();
        options.Headers["Accept-Encoding"] = "identity";

        using var issue = await jira.SendAsync(HttpMethod.Get, "rest/api/3/issue/DOCS-1", options);

        Assert.That(server.Requests.Single().Headers["Accept-Encoding"], Is.EqualTo("identity"));
    }

    [Test]
    public async Task ADamagedCompressedDownloadFailsWhileReadAsANetworkErrorNamingTheRequest()
    {
        await using var server = LoopbackServer.Start(c => WriteAsync(c.Response, 200, "gzip", Encoding.UTF8.GetBytes("this is not gzip at all, not at all"), "application/octet-stream"));
        using var jira = Client(server.BaseUri);
        await using var stream = await jira.SendForStreamAsync(HttpMethod.Get, "rest/api/3/attachment/content/10000");
        var error = Assert.ThrowsAsync<JiraNetworkException>(() => stream.CopyToAsync(Stream.Null));
        Assert.That(error!.RequestPath, Is.EqualTo("/rest/api/3/attachment/content/10000"));
    }

    [Test]
    public async Task ACompressedErrorBodyStillGivesJirasMessagesBufferedOrStreamed()
    {
        await using var server = LoopbackServer.Start(c => WriteAsync(c.Response, 404, "gzip", Compress("gzip", Encoding.UTF8.GetBytes("{\"errorMessages\":[\"Issue does not exist or you do not have permission to see it.\"],\"errors\":{}}")), "application/json;charset=UTF-8"));
        using var jira = Client(server.BaseUri);
        var error = Assert.ThrowsAsync<JiraNotFoundException>(() => jira.V3.Issues.GetIssueAsync("DOCS-1"));
        Assert.That(error!.ErrorMessages, Does.Contain("Issue does not exist or you do not have permission to see it."));
        var streamed = Assert.ThrowsAsync<JiraNotFoundException>(() => jira.SendForStreamAsync(HttpMethod.Get, "rest/api/3/attachment/content/10000"));
        Assert.That(streamed!.ErrorMessages, Does.Contain("Issue does not exist or you do not have permission to see it."));
    }

    [Test]
    public async Task ACompressedLoginPageOnA200IsAnAuthenticationFailure()
    {
        await using var server = LoopbackServer.Start(c => WriteAsync(c.Response, 200, "gzip", Compress("gzip", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><title>Log in</title></head><body><form id=\"login-form\"></form></body></html>")), "text/html;charset=UTF-8"));
        using var jira = Client(server.BaseUri);
        Assert.ThrowsAsync<JiraAuthenticationException>(() => jira.V3.Issues.GetIssueAsync("DOCS-1"));
    }

    [Test]
    public async Task HeadAnd204AnswersThatNameACodingButHaveNoBodySucceed()
    {
        await using var server = LoopbackServer.Start(c => c.Request.HttpMethod == "HEAD"
            ? WriteAsync(c.Response, 200, "gzip", [], "application/octet-stream")
            : WriteAsync(c.Response, 204, "gzip", [], null));
        using var jira = Client(server.BaseUri);
        using var head = await jira.SendForResponseAsync(HttpMethod.Head, "rest/api/3/attachment/content/10000");
        Assert.That(await head.Content.ReadAsByteArrayAsync(), Is.Empty);
        await jira.V3.Issues.DeleteIssueAsync("DOCS-1");
    }

    [TestCase("application/octet-stream")]
    [TestCase("application/json")]
    public async Task AStalledCompressedBodyStillTimesOutStreamedOrBuffered(string contentType)
    {
        var release = new TaskCompletionSource();
        await using var server = LoopbackServer.Start(async c =>
        {
            var body = Compress("gzip", Encoding.UTF8.GetBytes("{\"key\":\"" + new string('x', 100_000) + Guid.NewGuid() + "\"}"));
            c.Response.StatusCode = 200; c.Response.ContentType = contentType; c.Response.AddHeader("Content-Encoding", "gzip");
            c.Response.ContentLength64 = body.Length;
            await c.Response.OutputStream.WriteAsync(body.AsMemory(0, body.Length / 2));
            await c.Response.OutputStream.FlushAsync();
            await Task.WhenAny(release.Task, Task.Delay(5000));
            try { c.Response.Abort(); } catch { }
        });
        using var jira = new JiraClient(new JiraClientOptions { SiteUrl = server.BaseUri, Timeout = TimeSpan.FromMilliseconds(500), Retry = new JiraRetryOptions { MaxAttempts = 1 } });
        var started = DateTime.UtcNow;
        if (contentType == "application/json")
            Assert.ThrowsAsync<JiraTimeoutException>(() => jira.V3.Issues.GetIssueAsync("DOCS-1"));
        else
        {
            await using var stream = await jira.SendForStreamAsync(HttpMethod.Get, "rest/api/3/attachment/content/10000");
            Assert.ThrowsAsync<JiraTimeoutException>(() => stream.CopyToAsync(Stream.Null));
        }
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(4)));
        release.SetResult();
    }

    [Test]
    public async Task ADecompressionBombStopsAtTheLimitWithATypedErrorAndBoundedMemory()
    {
        const long Limit = 1024 * 1024;
        var bomb = Compress("gzip", new byte[64 * 1024 * 1024]); // 64 MiB of zeros in about 64 KB
        var calls = 0;
        await using var server = LoopbackServer.Start(context =>
        {
            Interlocked.Increment(ref calls);
            return WriteCompressedAsync(context.Response, "gzip", bomb, "application/json");
        });
        using var jira = Client(server.BaseUri, attempts: 3, maxBodyBytes: Limit);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var error = Assert.ThrowsAsync<JiraResponseTooLargeException>(() => jira.V3.Issues.GetIssueAsync("DOCS-1"));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.That(error!.Limit, Is.EqualTo(Limit));
        Assert.That(error.RequestMethod, Is.EqualTo("GET"));
        Assert.That(error.RequestPath, Is.EqualTo("/rest/api/3/issue/DOCS-1"));
        Assert.That(error.Message, Does.Contain("1048576").And.Contain("MaxResponseBodyBytes"));
        Assert.That(calls, Is.EqualTo(1), "a body too large is not retried");
        Assert.That(allocated, Is.LessThan(16L * 1024 * 1024), "reading stopped at the limit, not at 64 MiB");
    }

    [Test]
    public async Task APlainBodyMayReachTheLimitButNotPassIt()
    {
        const int Limit = 100_000;
        string Body(int length) => "{\"key\":\"" + new string('x', length - 10) + "\"}";
        await using var server = LoopbackServer.Start(context =>
            LoopbackServer.WriteAsync(context.Response, 200, Body(context.Request.Url!.AbsolutePath.EndsWith("/big", StringComparison.Ordinal) ? Limit + 1 : Limit)));
        using var jira = Client(server.BaseUri, maxBodyBytes: Limit);

        using var atTheLimit = await jira.SendAsync(HttpMethod.Get, "rest/api/3/thing/exact");
        var past = Assert.ThrowsAsync<JiraResponseTooLargeException>(() => jira.SendAsync(HttpMethod.Get, "rest/api/3/thing/big"));

        Assert.That(atTheLimit!.RootElement.GetProperty("key").GetString(), Has.Length.EqualTo(Limit - 10));
        Assert.That(past!.RequestPath, Is.EqualTo("/rest/api/3/thing/big"));
    }

    [Test]
    public void TheLimitIsPositiveAndByDefaultFarAboveAnyJiraAnswer()
    {
        var options = new JiraClientOptions();

        Assert.That(options.MaxResponseBodyBytes, Is.EqualTo(256L * 1024 * 1024));
        Assert.That(() => options.MaxResponseBodyBytes = 0, Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
