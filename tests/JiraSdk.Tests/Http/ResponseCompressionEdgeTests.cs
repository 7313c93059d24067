using System.IO.Compression;
using System.Net;
using System.Text;
using JiraSdk.Errors;
using JiraSdk.Http;
using JiraSdk.Raw;
using JiraSdk.Tests.Support;

namespace JiraSdk.Tests.Http;

/// <summary>Compressed responses at the edges: damaged streamed bodies, compressed failures, bodiless answers that name a coding.</summary>
public class ResponseCompressionEdgeTests
{
    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(Encoding.UTF8.GetBytes(text));
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

    private static JiraClient Client(Uri site, int attempts = 1) => new(new JiraClientOptions
    {
        SiteUrl = site,
        Retry = new JiraRetryOptions { MaxAttempts = attempts, InitialDelay = TimeSpan.FromMilliseconds(5), Random = () => 0 },
    });

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
        await using var server = LoopbackServer.Start(c => WriteAsync(c.Response, 404, "gzip", Gzip("{\"errorMessages\":[\"Issue does not exist or you do not have permission to see it.\"],\"errors\":{}}"), "application/json;charset=UTF-8"));
        using var jira = Client(server.BaseUri);
        var error = Assert.ThrowsAsync<JiraNotFoundException>(() => jira.V3.Issues.GetIssueAsync("DOCS-1"));
        Assert.That(error!.ErrorMessages, Does.Contain("Issue does not exist or you do not have permission to see it."));
        var streamed = Assert.ThrowsAsync<JiraNotFoundException>(() => jira.SendForStreamAsync(HttpMethod.Get, "rest/api/3/attachment/content/10000"));
        Assert.That(streamed!.ErrorMessages, Does.Contain("Issue does not exist or you do not have permission to see it."));
    }

    [Test]
    public async Task ACompressedLoginPageOnA200IsAnAuthenticationFailure()
    {
        await using var server = LoopbackServer.Start(c => WriteAsync(c.Response, 200, "gzip", Gzip("<!DOCTYPE html><html><head><title>Log in</title></head><body><form id=\"login-form\"></form></body></html>"), "text/html;charset=UTF-8"));
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
            var body = Gzip("{\"key\":\"" + new string('x', 100_000) + Guid.NewGuid() + "\"}");
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
}
