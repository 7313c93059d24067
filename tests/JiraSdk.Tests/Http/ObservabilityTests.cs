using JiraSdk.Tests.Support;
using System.Diagnostics;
using System.Net;
using JiraSdk.Http;
using JiraSdk.Tests.Http.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace JiraSdk.Tests.Http;

public class ObservabilityTests
{
    [Test]
    public async Task LogsNeverContainCredentialsOrSecretQueryValues()
    {
        var network = new MockHttpMessageHandler();
        network.When("*").Respond(HttpStatusCode.OK, "application/json", "{}");
        var logs = new CapturingLogger();
        using var http = TestPipeline.Create(network, new FakeTimeProvider(), authentication: () => new FakeBearerHandler(), loggerFactory: logs);

        using var _ = await http.GetAsync("rest/api/3/issue/DOCS-1?jwt=header.payload.sig&access_token=tok123&fields=summary");

        var all = logs.All;
        Assert.That(logs.Entries, Is.Not.Empty);
        Assert.That(all, Does.Not.Contain("secret-token").And.Not.Contain("header.payload.sig").And.Not.Contain("tok123"));
        Assert.That(all, Does.Contain("fields=summary").And.Contain("Authorization: [redacted]").And.Contain("200"));
    }

    [Test]
    [NonParallelizable] // the SDK's instruments are process-wide: no other call may run meanwhile
    public async Task MetricsCountCallsAndRetriesAndRecordTheRemainingQuota()
    {
        var measured = new List<(string Instrument, long Value)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, meterListener) =>
            {
                if (instrument.Meter.Name == JiraTelemetry.MeterName) meterListener.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (measured) measured.Add((instrument.Name, value));
        });
        listener.Start();
        var network = new MockHttpMessageHandler();
        network.Expect("*").Respond(req => new HttpResponseMessage((HttpStatusCode)429) { Headers = { { "Retry-After", "1" }, { "X-RateLimit-Remaining", "0" } } });
        network.Expect("*").Respond(req => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Headers = { { "X-RateLimit-Remaining", "4321" } },
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        });
        var time = new FakeTimeProvider();
        using var http = TestPipeline.Create(network, time);

        using var _ = await TestPipeline.RunAsync(http.GetAsync("rest/api/3/issue/DOCS-1"), time);

        lock (measured)
        {
            Assert.That(measured.Where(m => m.Instrument == "jira.client.requests").Sum(m => m.Value), Is.EqualTo(1), "one call");
            Assert.That(measured.Where(m => m.Instrument == "jira.client.retries").Sum(m => m.Value), Is.EqualTo(1), "retried once after the 429");
            Assert.That(measured.Where(m => m.Instrument == "jira.client.rate_limit.remaining").Select(m => m.Value), Is.EqualTo(new[] { 0L, 4321L }));
        }
    }

    [Test]
    public async Task EachCallIsOneActivityOfTheJiraSdkSource()
    {
        var activities = new List<Activity>();
        using var listener = ListenToJiraActivities(activities);
        var network = new MockHttpMessageHandler();
        network.Expect("*").Respond((HttpStatusCode)429);
        network.Expect("*").Respond(HttpStatusCode.OK, "application/json", "{}");
        var time = new FakeTimeProvider();
        using var http = TestPipeline.Create(network, time);

        using var _ = await TestPipeline.RunAsync(http.GetAsync("rest/api/3/issue/DOCS-1?token=hide"), time);

        var mine = activities.Where(a => (string?)a.GetTagItem("url.full") is { } url && url.Contains("DOCS-1")).ToList();
        Assert.That(mine, Has.Count.EqualTo(1));
        Assert.That(mine[0].GetTagItem("http.response.status_code"), Is.EqualTo(200));
        Assert.That(mine[0].GetTagItem("url.full"), Is.EqualTo("https://example.atlassian.net/rest/api/3/issue/DOCS-1?token=[redacted]"));
    }

    [Test]
    public async Task ActivityTagsPassTheSameAllowListAsLogs()
    {
        var activities = new List<Activity>();
        using var listener = ListenToJiraActivities(activities);
        var network = new MockHttpMessageHandler();
        network.When("*").Respond(HttpStatusCode.OK, "application/json", "{}");
        using var http = TestPipeline.Create(network, new FakeTimeProvider(), authentication: () => new FakeBearerHandler());

        using var _ = await http.GetAsync(
            "rest/api/3/search/jql?jql=assignee%3D%22mia%40example.com%22&maxResults=50&x-proxy-key=px-secret&fields=summary&SIGNED123");

        var mine = activities.Where(a => (string?)a.GetTagItem("url.full") is { } url && url.Contains("/search/jql")).ToList();
        Assert.That(mine, Has.Count.EqualTo(1));
        Assert.That(mine[0].GetTagItem("url.full"), Is.EqualTo(
            "https://example.atlassian.net/rest/api/3/search/jql?jql=[redacted]&maxResults=50&x-proxy-key=[redacted]&fields=summary&[redacted]"));
        var tags = string.Join("\n", mine[0].TagObjects.Select(tag => tag.Key + "=" + tag.Value));
        Assert.That(tags, Does.Not.Contain("mia").And.Not.Contain("px-secret").And.Not.Contain("SIGNED123").And.Not.Contain("secret-token"));
        Assert.That(mine[0].TagObjects.Select(tag => tag.Key), Is.SubsetOf(new[]
        {
            "http.request.method", "url.full", "server.address", "server.port", "http.response.status_code", "error.type",
        }), "no header becomes a tag");
    }

    [Test]
    public async Task TheSdkTokenIsInTheUserAgentOnceAcrossRetriesAndRedirects()
    {
        var seen = new List<string>();
        var network = new MockHttpMessageHandler();
        network.Expect("*").Respond(request => { seen.Add(request.Headers.UserAgent.ToString()); return new HttpResponseMessage((HttpStatusCode)503); });
        network.Expect("*").Respond(request =>
        {
            seen.Add(request.Headers.UserAgent.ToString());
            var moved = new HttpResponseMessage(HttpStatusCode.Found);
            moved.Headers.Location = new Uri("/rest/api/3/issue/DOCS-2", UriKind.Relative);
            return moved;
        });
        network.Expect("*").Respond(request => { seen.Add(request.Headers.UserAgent.ToString()); return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") }; });
        var time = new FakeTimeProvider();
        using var http = TestPipeline.Create(network, time);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("DocsReminder/1.2");

        using var _ = await TestPipeline.RunAsync(http.GetAsync("rest/api/3/issue/DOCS-1"), time);

        Assert.That(seen, Has.Count.EqualTo(3));
        foreach (var userAgent in seen)
        {
            Assert.That(userAgent, Does.StartWith("DocsReminder/1.2 JiraSdk/"));
            Assert.That(userAgent.Split("JiraSdk/").Length, Is.EqualTo(2), userAgent);
        }
    }

    private static ActivityListener ListenToJiraActivities(List<Activity> stopped)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == JiraTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (stopped) stopped.Add(activity); },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    [Test]
    public async Task TheUserAgentNamesTheSdkAndTheApplication()
    {
        await using var server = LoopbackServer.Start(context => LoopbackServer.WriteAsync(context.Response, 200, "{}"));
        using var jira = new JiraClient(new JiraClientOptions { SiteUrl = server.BaseUri, UserAgent = "DocsReminder/1.2" });

        using var _ = await jira.SendAsync(HttpMethod.Get, "rest/api/3/myself");

        Assert.That(server.Requests.Single().Headers["User-Agent"], Does.Contain("DocsReminder/1.2").And.Contain("JiraSdk/"));
    }
}
