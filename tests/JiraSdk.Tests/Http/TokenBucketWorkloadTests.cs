using System.Diagnostics;
using System.Net;
using JiraSdk.Http;
using JiraSdk.Raw;
using JiraSdk.Tests.Support;

namespace JiraSdk.Tests.Http;

/// <summary>
/// Issue 13, item 3: against a fake Jira that enforces a token bucket per endpoint, a 16-way workload finishes with no
/// failed call and within 10% of the minimum time the bucket allows. Real time on loopback: the bucket refills in whole
/// seconds, so each round is a second and the machine's latency only adds milliseconds to it.
/// </summary>
public class TokenBucketWorkloadTests
{
    /// <summary>
    /// A bucket per endpoint (method + path template, as Jira counts burst limits): <see cref="Capacity"/> tokens to start,
    /// <see cref="Refill"/> more at each whole second after the first request, never more than the capacity. A request
    /// without a token gets Jira's burst answer: 429, <c>RateLimit-Reason: jira-burst-based</c> and <c>Retry-After</c>
    /// in whole seconds until the next refill.
    /// </summary>
    private sealed class TokenBucketJira : IAsyncDisposable
    {
        public const int Capacity = 16;
        public const int Refill = 8;
        public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

        private readonly object _gate = new();
        private readonly Dictionary<string, (int Tokens, long Tick)> _buckets = new(StringComparer.Ordinal);
        private readonly Stopwatch _clock = new();
        private readonly LoopbackServer _server;

        public TokenBucketJira()
        {
            _server = LoopbackServer.Start(context =>
            {
                var endpoint = context.Request.HttpMethod + " " + System.Text.RegularExpressions.Regex.Replace(context.Request.Url!.AbsolutePath, "/issue/[^/]+", "/issue/{key}");
                if (TryTake(endpoint, out var retryAfter))
                {
                    Interlocked.Increment(ref Served);
                    return LoopbackServer.WriteAsync(context.Response, 200, """{"key":"DOCS-1"}""");
                }
                Interlocked.Increment(ref Refused);
                context.Response.AddHeader("Retry-After", retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture));
                context.Response.AddHeader("RateLimit-Reason", "jira-burst-based");
                return LoopbackServer.WriteAsync(context.Response, 429, """{"errorMessages":["Rate limit exceeded."]}""");
            });
        }

        public int Served;
        public int Refused;

        public Uri BaseUri => _server.BaseUri;

        public IReadOnlyCollection<Exception> Errors => _server.HandlerErrors;

        private bool TryTake(string endpoint, out long retryAfterSeconds)
        {
            lock (_gate)
            {
                if (!_clock.IsRunning) _clock.Start();
                var tick = _clock.Elapsed.Ticks / Period.Ticks;
                var (tokens, seen) = _buckets.TryGetValue(endpoint, out var bucket) ? bucket : (Capacity, tick);
                tokens = (int)Math.Min(Capacity, tokens + (tick - seen) * Refill);
                var took = tokens > 0;
                _buckets[endpoint] = (took ? tokens - 1 : tokens, tick);
                var untilRefill = TimeSpan.FromTicks((tick + 1) * Period.Ticks) - _clock.Elapsed;
                retryAfterSeconds = Math.Max(1, (long)Math.Ceiling(untilRefill.TotalSeconds));
                return took;
            }
        }

        public ValueTask DisposeAsync() => _server.DisposeAsync();
    }

    [Test]
    public async Task ASixteenWayWorkloadFinishesWithNoFailedCallWithinTenPercentOfTheBucketsMinimum()
    {
        const int workersPerEndpoint = 8, callsPerEndpoint = 40;
        // The fastest any client can go: the capacity at once, then Refill per period for the rest.
        var minimum = TimeSpan.FromTicks(TokenBucketJira.Period.Ticks
            * (long)Math.Ceiling((callsPerEndpoint - TokenBucketJira.Capacity) / (double)TokenBucketJira.Refill));
        await using var jira = new TokenBucketJira();
        // Jitter spreads many clients' retries apart; here one client is measured against the bucket, so it is off.
        using var client = new JiraClient(new JiraClientOptions { SiteUrl = jira.BaseUri, Retry = new JiraRetryOptions { JitterRatio = 0 } });

        async Task WorkAsync(Func<int, Task> call)
        {
            for (var i = 0; i < callsPerEndpoint / workersPerEndpoint; i++) await call(i);
        }
        var failures = 0;
        async Task Counted(Task call)
        {
            try
            {
                await call;
            }
            catch (Exception)
            {
                Interlocked.Increment(ref failures);
            }
        }
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, workersPerEndpoint).SelectMany(worker => new[]
        {
            WorkAsync(i => Counted(ReadAsync(client.SendAsync(HttpMethod.Get, "rest/api/3/issue/{key}", new JiraRequestOptions { PathParameters = { ["key"] = $"DOCS-{worker * 10 + i}" } })))),
            WorkAsync(_ => Counted(ReadAsync(client.SendAsync(HttpMethod.Get, "rest/api/3/myself")))),
        }).ToList();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(30));
        clock.Stop();

        Assert.That(jira.Errors, Is.Empty);
        Assert.That(failures, Is.EqualTo(0), "no failed call");
        Assert.That(jira.Served, Is.EqualTo(2 * callsPerEndpoint));
        Assert.That(jira.Refused, Is.GreaterThan(0), "the bucket was enforced");
        TestContext.Out.WriteLine($"16-way, 2 endpoints × {callsPerEndpoint} calls: {clock.Elapsed.TotalSeconds:0.000} s; minimum {minimum.TotalSeconds:0.000} s; {jira.Refused} answers were 429");
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(minimum - TimeSpan.FromMilliseconds(50)), "no faster than the bucket allows");
        Assert.That(clock.Elapsed, Is.LessThanOrEqualTo(TimeSpan.FromTicks(minimum.Ticks * 11 / 10)), "within 10% of the minimum");
    }

    private static async Task ReadAsync(Task<System.Text.Json.JsonDocument?> call) => (await call)?.Dispose();
}
