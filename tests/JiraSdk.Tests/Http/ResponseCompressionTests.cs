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
/// or streamed; a damaged compressed body is a damaged transfer.
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

    private static async Task WriteCompressedAsync(HttpListenerResponse response, string coding, byte[] body, string contentType)
    {
        response.StatusCode = 200;
        response.ContentType = contentType;
        response.AddHeader("Content-Encoding", coding);
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }

    private static JiraClient Client(Uri site, JiraRetryOptions? retry = null) => new(new JiraClientOptions
    {
        SiteUrl = site,
        Retry = retry ?? new JiraRetryOptions { InitialDelay = TimeSpan.FromMilliseconds(5), Random = () => 0 },
    });

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
        using var jira = Client(server.BaseUri, new JiraRetryOptions { MaxAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(5), Random = () => 0 });

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
}
