using System.Net;
using JiraSdk.Http;
using JiraSdk.Tests.Http.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace JiraSdk.Tests.Http;

public class LogRedactionTests
{
    [Test]
    public async Task SecretsInACustomHeaderAQueryParameterAndTheUserInfoNeverReachTheLogs()
    {
        var network = new MockHttpMessageHandler();
        network.When("*").Respond(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            response.Headers.Add("X-RateLimit-Remaining", "42");
            response.Headers.Add("X-Seraph-LoginReason", "OK");
            response.Headers.Add("X-AREQUESTID", "req-7");
            response.Headers.Add("Set-Cookie", "JSESSIONID=s3cret-cookie");
            response.Headers.Add("X-Custom-Echo", "s3cret-echo");
            response.Headers.Location = new Uri("https://example.atlassian.net/rest/api/3/next?sig=s3cret-location");
            return response;
        });
        var logs = new CapturingLogger();
        using var http = TestPipeline.Create(network, new FakeTimeProvider(), authentication: () => new FakeBearerHandler(), loggerFactory: logs);
        using var request = new HttpRequestMessage(HttpMethod.Get,
            "https://bob:s3cret-userinfo@example.atlassian.net/rest/api/3/search/jql"
            + "?jql=reporter%3D%22alice%40corp.example%22&apiKey=s3cret-query&nextPageToken=s3cret-cursor&startAt=5&maxResults=10&fields=summary&s3cret-bare");
        request.Headers.Add("X-Proxy-Key", "s3cret-header");

        using var _ = await http.SendAsync(request);

        var all = logs.All;
        Assert.That(all, Does.Not.Contain("s3cret").And.Not.Contain("alice").And.Not.Contain("secret-token").And.Not.Contain("bob"));
        Assert.That(all, Does.Contain("startAt=5").And.Contain("maxResults=10").And.Contain("fields=summary")
            .And.Contain("jql=[redacted]").And.Contain("apiKey=[redacted]").And.Contain("nextPageToken=[redacted]")
            .And.Contain("X-Proxy-Key: [redacted]").And.Contain("Authorization: [redacted]")
            .And.Contain("X-RateLimit-Remaining: 42").And.Contain("X-Seraph-LoginReason: OK").And.Contain("X-AREQUESTID: req-7")
            .And.Contain("Content-Type: application/json").And.Contain("Set-Cookie: [redacted]").And.Contain("X-Custom-Echo: [redacted]")
            .And.Contain("Location: https://example.atlassian.net/rest/api/3/next").And.Contain("https://example.atlassian.net/rest/api/3/search/jql?"));
    }

    [Test]
    public async Task EventIdsAndNamesAreStable()
    {
        var network = new MockHttpMessageHandler();
        network.Expect(HttpMethod.Get, "*").Respond((HttpStatusCode)429);
        network.Expect(HttpMethod.Get, "*").Respond(HttpStatusCode.OK, "application/json", "{}");
        network.Expect(HttpMethod.Post, "*").Throw(new HttpRequestException("connection reset"));
        var logs = new CapturingLogger();
        var time = new FakeTimeProvider();
        using var http = TestPipeline.Create(network, time, loggerFactory: logs);

        using var _ = await TestPipeline.RunAsync(http.GetAsync("rest/api/3/myself"), time);
        Assert.CatchAsync(async () => await http.PostAsync("rest/api/3/issue", new StringContent("{}")));

        var ids = logs.Entries.Select(e => (e.Id.Id, e.Id.Name, e.Level)).Distinct().ToList();
        Assert.That(ids, Is.SupersetOf(new[]
        {
            (1001, "JiraHttpRequest", LogLevel.Trace),
            (1002, "JiraHttpResponse", LogLevel.Debug),
            (1003, "JiraHttpResponseHeaders", LogLevel.Trace),
            (1004, "JiraHttpFailure", LogLevel.Debug),
            (1101, "JiraRetry", LogLevel.Information),
        }));
        Assert.That(logs.Entries.Select(e => e.Id.Id), Has.All.InRange(1000, 1999), "the HTTP area logs 1xxx only");
        Assert.That(JiraSdk.Serialization.JiraSchemaDiagnostics.LogEventId.Id, Is.EqualTo(3001));
    }

    [TestCase("rest/api/3/issue/DOCS-1?expand=names&token=abc", "rest/api/3/issue/DOCS-1?expand=names&token=[redacted]")]
    [TestCase("rest/api/3/issue/DOCS-1?abc123", "rest/api/3/issue/DOCS-1?[redacted]")]
    [TestCase("rest/api/3/user?accountId=5b10a", "rest/api/3/user?accountId=[redacted]")]
    [TestCase("rest/api/3/issue/DOCS-1", "rest/api/3/issue/DOCS-1")]
    public void RelativeUrlsKeepTheirPathAndOnlyAllowedQueryValues(string url, string logged) =>
        Assert.That(LogRedaction.Url(new Uri(url, UriKind.Relative)), Is.EqualTo(logged));

    [Test]
    public void HeadersNotOnTheAllowListAreRedacted()
    {
        Assert.That(LogRedaction.HeaderValue("Retry-After", ["12"]), Is.EqualTo("12"));
        Assert.That(LogRedaction.HeaderValue("RateLimit-Reason", ["jira-burst-based"]), Is.EqualTo("jira-burst-based"));
        Assert.That(LogRedaction.HeaderValue("x-ratelimit-reset", ["2026-01-01T00:00Z"]), Is.EqualTo("2026-01-01T00:00Z"));
        Assert.That(LogRedaction.HeaderValue("Cookie", ["a=b"]), Is.EqualTo("[redacted]"));
        Assert.That(LogRedaction.HeaderValue("X-Api-Key", ["k"]), Is.EqualTo("[redacted]"));
        Assert.That(LogRedaction.HeaderValue("Location", ["/rest/api/3/issue/1?x=secret#frag"]), Is.EqualTo("/rest/api/3/issue/1"));
    }
}
