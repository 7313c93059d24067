using System.Collections.Concurrent;
using System.Net;
using JiraSdk.Tests.Http.Support;
using Microsoft.Extensions.Time.Testing;

namespace JiraSdk.Tests.Http;

/// <summary>The rate-limit governor follows RateLimit-Reason (issue 13, item 3): quota pauses all, burst one endpoint.</summary>
public class RateLimitGovernorTests
{
    /// <summary>Answers the first request to <c>limitedPath</c> with a 429 of the given reason, everything else with 200; records when each arrived.</summary>
    private sealed class LimitedJira(FakeTimeProvider time, string limitedPath, string reason) : HttpMessageHandler
    {
        private int _limited;

        public ConcurrentQueue<(string Path, DateTimeOffset At)> Arrivals { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            Arrivals.Enqueue((path, time.GetUtcNow()));
            if (path == limitedPath && Interlocked.Exchange(ref _limited, 1) == 0)
            {
                var limited = new HttpResponseMessage((HttpStatusCode)429) { Content = new StringContent("{}") };
                limited.Headers.TryAddWithoutValidation("Retry-After", "30");
                limited.Headers.TryAddWithoutValidation("RateLimit-Reason", reason);
                return Task.FromResult(limited);
            }
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") });
        }
    }

    private static async Task<LimitedJira> RunAsync(string reason, string otherPath)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 4, 0, 0, TimeSpan.Zero));
        var jira = new LimitedJira(time, "/rest/api/3/issue/DOCS-1", reason);
        using var http = TestPipeline.Create(jira, time);

        var limited = http.GetAsync("rest/api/3/issue/DOCS-1");
        for (var i = 0; i < 1000 && jira.Arrivals.Count == 0; i++) await Task.Delay(1);
        var other = http.GetAsync(otherPath);
        using var both = await TestPipeline.RunAsync(Task.WhenAll(limited, other).ContinueWith(t => t.Result[0]), time, TimeSpan.FromSeconds(1));
        return jira;
    }

    /// <summary>How long after the first request the request to <paramref name="path"/> arrived.</summary>
    private static TimeSpan ArrivalOf(LimitedJira jira, string path) =>
        jira.Arrivals.Single(a => a.Path == path).At - jira.Arrivals.First().At;

    [TestCase("jira-quota-global-based")]
    [TestCase("jira-quota-tenant-based")]
    public async Task AQuotaLimitPausesEveryEndpointUntilTheReset(string reason)
    {
        var jira = await RunAsync(reason, "rest/api/3/project/DOCS");

        Assert.That(ArrivalOf(jira, "/rest/api/3/project/DOCS"), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(30)), "another endpoint waited for the reset");
    }

    [Test]
    public async Task ABurstLimitSlowsOnlyThatEndpoint()
    {
        var jira = await RunAsync("jira-burst-based", "rest/api/3/project/DOCS");

        Assert.That(ArrivalOf(jira, "/rest/api/3/project/DOCS"), Is.LessThan(TimeSpan.FromSeconds(30)), "another endpoint went at once");
        var start = jira.Arrivals.First().At;
        var retried = jira.Arrivals.Where(a => a.Path == "/rest/api/3/issue/DOCS-1").Select(a => a.At - start).ToList();
        Assert.That(retried, Has.Count.EqualTo(2));
        Assert.That(retried[1], Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public async Task ABurstLimitAlsoPausesTheSameEndpointForAnotherIssue()
    {
        var jira = await RunAsync("jira-burst-based", "rest/api/3/issue/DOCS-2");

        Assert.That(ArrivalOf(jira, "/rest/api/3/issue/DOCS-2"), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(30)), "GET issue/{key} is one endpoint");
    }

    /// <summary>Answers 200 to every request; while <see cref="NearLimit"/> is set, calls to issues say Jira is near its limit.</summary>
    private sealed class NearLimitJira(FakeTimeProvider time, DateTimeOffset reset) : HttpMessageHandler
    {
        public volatile bool NearLimit = true;

        public ConcurrentQueue<(string Path, DateTimeOffset At)> Arrivals { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            Arrivals.Enqueue((path, time.GetUtcNow()));
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            if (NearLimit && path.Contains("/issue/", StringComparison.Ordinal))
            {
                response.Headers.TryAddWithoutValidation("X-RateLimit-NearLimit", "true");
                response.Headers.TryAddWithoutValidation("X-RateLimit-Remaining", "3");
                response.Headers.TryAddWithoutValidation("X-RateLimit-Reset", reset.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
            }
            return Task.FromResult(response);
        }
    }

    [Test]
    public async Task NearTheLimitAnEndpointsCallsAreSpacedSoWhatIsLeftLastsUntilTheReset()
    {
        var start = new DateTimeOffset(2026, 11, 30, 4, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(start);
        var jira = new NearLimitJira(time, reset: start + TimeSpan.FromSeconds(4));
        using var http = TestPipeline.Create(jira, time);
        (await TestPipeline.RunAsync(http.GetAsync("rest/api/3/issue/DOCS-1"), time)).Dispose(); // learns: 3 left, reset in 4 s

        var calls = Enumerable.Range(2, 3).Select(i => http.GetAsync($"rest/api/3/issue/DOCS-{i}")).ToList();
        calls.Add(http.GetAsync("rest/api/3/project/DOCS"));
        foreach (var response in await TestPipeline.RunAsync(Task.WhenAll(calls), time, TimeSpan.FromMilliseconds(50))) response.Dispose();

        var issueCalls = jira.Arrivals.Where(a => a.Path.Contains("/issue/", StringComparison.Ordinal)).Skip(1).Select(a => a.At - start).OrderBy(t => t).ToList();
        // (reset − now) / (remaining + 1) = 4 s / 4: one call now, the next after 1 s, the one after that 1 s later.
        Assert.That(issueCalls[0], Is.LessThan(TimeSpan.FromSeconds(0.5)));
        Assert.That(issueCalls[1] - issueCalls[0], Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.75)));
        Assert.That(issueCalls[2] - issueCalls[1], Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.75)));
        Assert.That(ArrivalOf(jira.Arrivals, "/rest/api/3/project/DOCS", start), Is.LessThan(TimeSpan.FromSeconds(0.5)), "another endpoint is not slowed");

        // An answer without NearLimit ends the spacing.
        jira.NearLimit = false;
        (await TestPipeline.RunAsync(http.GetAsync("rest/api/3/issue/DOCS-5"), time, TimeSpan.FromMilliseconds(50))).Dispose();
        var before = jira.Arrivals.Count;
        var released = time.GetUtcNow();
        var free = Enumerable.Range(6, 3).Select(i => http.GetAsync($"rest/api/3/issue/DOCS-{i}")).ToList();
        foreach (var response in await TestPipeline.RunAsync(Task.WhenAll(free), time, TimeSpan.FromMilliseconds(50))) response.Dispose();
        Assert.That(jira.Arrivals.Skip(before).Select(a => a.At - released), Has.All.LessThan(TimeSpan.FromSeconds(0.2)));
    }

    private static TimeSpan ArrivalOf(IEnumerable<(string Path, DateTimeOffset At)> arrivals, string path, DateTimeOffset start) =>
        arrivals.Single(a => a.Path == path).At - start;

    /// <summary>GET rest/api/3/project/{…} as a generated client and as the universal request send it.</summary>
    private static readonly Dictionary<string, Func<HttpClient, string, Task>> ProjectCalls = new()
    {
        ["generated client"] = (http, key) => new JiraSdk.V3.ProjectsClient(http).GetProjectAsync(key),
        ["universal request"] = async (http, key) =>
            (await new JiraSdk.Raw.JiraRawClient(http).SendAsync(HttpMethod.Get, "rest/api/3/project/{key}", new JiraSdk.Raw.JiraRequestOptions { PathParameters = { ["key"] = key } }))?.Dispose(),
    };

    [TestCase("generated client")]
    [TestCase("universal request")]
    public async Task ACallIsCountedUnderItsPathTemplate(string caller)
    {
        // Project keys have no digits, so only the path template says /project/DOCS and /project/TEST are one endpoint.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 4, 0, 0, TimeSpan.Zero));
        var jira = new LimitedJira(time, "/rest/api/3/project/DOCS", "jira-burst-based");
        using var http = TestPipeline.Create(jira, time);
        var send = ProjectCalls[caller];

        var limited = send(http, "DOCS");
        for (var i = 0; i < 1000 && jira.Arrivals.Count == 0; i++) await Task.Delay(1);
        var other = send(http, "TEST");
        await TestPipeline.RunAsync(Task.WhenAll(limited, other), time, TimeSpan.FromSeconds(1));

        Assert.That(ArrivalOf(jira.Arrivals, "/rest/api/3/project/TEST", jira.Arrivals.First().At), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(30)));
    }

    [TestCase("https://jira.example/rest/api/3/issue/DOCS-1", "GET /rest/api/{}/issue/{}")]
    [TestCase("https://jira.example/rest/api/3/issue/DOCS-1/comment/10010?expand=x", "GET /rest/api/{}/issue/{}/comment/{}")]
    [TestCase("https://jira.example/rest/api/3/myself", "GET /rest/api/{}/myself")]
    [TestCase("https://jira.example/rest/api/3/project/ABC/", "GET /rest/api/{}/project/ABC/")]
    [TestCase("https://jira.example/", "GET /")]
    public void WithoutATemplateEverySegmentHoldingADigitIsOneEndpoint(string url, string expected)
    {
        var governor = new JiraSdk.Http.RateLimitGovernor(new FakeTimeProvider());
        using var request = new HttpRequestMessage(HttpMethod.Get, url);

        Assert.That(governor.EndpointOf(request), Is.EqualTo(expected));
    }
}
