using System.Net;
using System.Text;
using JiraSdk.Errors;
using JiraSdk.Tests.Support;

namespace JiraSdk.Tests.Generated;

/// <summary>The generated clients' response headers (read lazily) as callers see them: in exceptions and file responses, after the response is gone.</summary>
public class GeneratedResponseHeadersTests
{
    [Test]
    public async Task ExceptionAndFileResponseHeadersAreCompleteAndCaseInsensitiveAfterTheResponseIsGone()
    {
        await using var server = LoopbackServer.Start(async c =>
        {
            c.Response.AddHeader("X-AREQUESTID", "abc");
            c.Response.AddHeader("Content-Disposition", "attachment; filename=\"a.bin\"");
            if (c.Request.RawUrl!.Contains("attachment"))
            {
                c.Response.StatusCode = 200; c.Response.ContentType = "application/octet-stream";
                var body = Encoding.UTF8.GetBytes("file");
                c.Response.ContentLength64 = body.Length;
                await c.Response.OutputStream.WriteAsync(body);
                c.Response.Close();
            }
            else await LoopbackServer.WriteAsync(c.Response, 404, "{\"errorMessages\":[\"nope\"],\"errors\":{}}");
        });
        using var jira = new JiraClient(new JiraClientOptions { SiteUrl = server.BaseUri });

        var error = Assert.ThrowsAsync<JiraNotFoundException>(() => jira.V3.Issues.GetIssueAsync("DOCS-1"));
        Assert.That(error!.Headers["x-arequestid"], Is.EqualTo(new[] { "abc" }));
        Assert.That(error.Headers["CONTENT-TYPE"].Single(), Does.StartWith("application/json"));

        var file = await jira.V3.IssueAttachments.GetAttachmentContentAsync("10000");
        using (var read = new MemoryStream()) await file.Stream.CopyToAsync(read);
        file.Dispose();
        Assert.That(file.Headers["x-arequestid"], Is.EqualTo(new[] { "abc" }));
        Assert.That(file.Headers["content-type"], Is.EqualTo(new[] { "application/octet-stream" }));
        Assert.That(file.Headers.ContainsKey("Content-Disposition"), Is.True);

        Assert.That(server.Requests.First().Headers["Accept"], Is.EqualTo("application/json"), "the Accept the generated client sends, unparsed");
    }
}
