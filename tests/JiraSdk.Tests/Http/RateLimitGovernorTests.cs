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
}
