using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace JiraSdk.Http;

/// <summary>
/// Follows Jira Cloud's rate-limit answers by their <c>RateLimit-Reason</c> (Atlassian's guidance, 2025–26): a quota
/// (<c>jira-quota-global-based</c>, <c>jira-quota-tenant-based</c>) pauses every call of the client until the reset;
/// <c>jira-burst-based</c> pauses only that endpoint (method + path template); <c>jira-per-issue-on-write</c> pauses
/// writes to that issue and sends them one at a time from then on. <c>Beta-Retry-After</c> is only read when nothing
/// else says how long to wait (Atlassian calls the Beta headers advisory).
/// </summary>
internal sealed class RateLimitGovernor
{
    private const string QuotaGlobal = "jira-quota-global-based";
    private const string QuotaTenant = "jira-quota-tenant-based";
    private const string Burst = "jira-burst-based";
    private const string PerIssueWrite = "jira-per-issue-on-write";

    private static readonly Regex IssueInPath = new(@"/issue/(?<issue>[^/?]+)", RegexOptions.CultureInvariant);

    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _endpointPauses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _serialIssues = new(StringComparer.OrdinalIgnoreCase);
    private long _clientPausedUntilTicks;
    private long _pausesEndTicks; // when the last pause of any kind ends: before it, a request may have to wait
    private volatile bool _serialising; // some issue's writes go one at a time

    /// <summary>
    /// Whether <paramref name="request"/> may have to wait (<see cref="WaitTurnAsync"/>); <c>false</c> lets it go at once
    /// without a turn, which is every call while Jira has not asked for a pause.
    /// </summary>
    public bool MayHaveToWait(HttpRequestMessage request) =>
        (_serialising && IsWrite(request)) || _time.GetUtcNow().UtcTicks < Interlocked.Read(ref _pausesEndTicks);

    public RateLimitGovernor(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>Waits until the request may go, and for a write to a serialised issue, takes that issue's turn.</summary>
    /// <returns>The turn to release when the call ends, or <c>null</c>.</returns>
    public async Task<IDisposable?> WaitTurnAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var issue = IsWrite(request) ? IssueOf(request) : null;
        SemaphoreSlim? turn = null;
        if (issue is not null && _serialIssues.TryGetValue(issue, out var serial))
        {
            await serial.WaitAsync(cancellationToken).ConfigureAwait(false);
            turn = serial;
        }
        try
        {
            var until = new DateTimeOffset(Interlocked.Read(ref _clientPausedUntilTicks), TimeSpan.Zero);
            if (_endpointPauses.TryGetValue(EndpointOf(request), out var endpointUntil) && endpointUntil > until) until = endpointUntil;
            var wait = until - _time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                JiraMetrics.Waits.Record(wait.TotalSeconds);
#if NET8_0_OR_GREATER
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
#else
                await _time.Delay(wait, cancellationToken).ConfigureAwait(false);
#endif
            }
            return turn is null ? null : new Turn(turn);
        }
        catch
        {
            turn?.Release();
            throw;
        }
    }

    /// <summary>Learns from a response: remaining quota, and for a 429 which pause its reason calls for.</summary>
    public void Observe(HttpRequestMessage request, HttpResponseMessage response)
    {
        if (RateLimitHeaders.HeaderValue(response, "X-RateLimit-Remaining") is { } remaining
            && long.TryParse(remaining, NumberStyles.None, CultureInfo.InvariantCulture, out var left))
            JiraMetrics.RemainingQuota = left;
        if ((int)response.StatusCode != 429) return;

        var now = _time.GetUtcNow();
        var delay = RateLimitHeaders.RetryDelay(RateLimitHeaders.HeaderValue(response, RateLimitHeaders.RetryAfterHeader), RateLimitHeaders.HeaderValue(response, RateLimitHeaders.ResetHeader), now)
            ?? RateLimitHeaders.ParseRetryAfter(RateLimitHeaders.HeaderValue(response, "Beta-Retry-After"), now);
        if (delay is not { } wait || wait <= TimeSpan.Zero) return;
        var until = now + wait;
        var reason = RateLimitHeaders.HeaderValue(response, Errors.JiraRateLimitException.RateLimitReasonHeader);
        if (Is(reason, QuotaGlobal) || Is(reason, QuotaTenant))
        {
            long seen;
            do seen = Interlocked.Read(ref _clientPausedUntilTicks);
            while (until.UtcTicks > seen && Interlocked.CompareExchange(ref _clientPausedUntilTicks, until.UtcTicks, seen) != seen);
            ExtendPauses(until);
        }
        else if (Is(reason, PerIssueWrite) && IssueOf(request) is { } issue)
        {
            _serialIssues.GetOrAdd(issue, _ => new SemaphoreSlim(1, 1));
            _serialising = true;
            PauseEndpoint(EndpointOf(request) + " " + issue, until);
        }
        else
        {
            // jira-burst-based, or a 429 without a reason: the endpoint is what Jira counts.
            PauseEndpoint(EndpointOf(request), until);
        }
    }

    private void PauseEndpoint(string endpoint, DateTimeOffset until)
    {
        _endpointPauses.AddOrUpdate(endpoint, until, (_, current) => until > current ? until : current);
        ExtendPauses(until);
    }

    private void ExtendPauses(DateTimeOffset until)
    {
        long seen;
        do seen = Interlocked.Read(ref _pausesEndTicks);
        while (until.UtcTicks > seen && Interlocked.CompareExchange(ref _pausesEndTicks, until.UtcTicks, seen) != seen);
    }

    private static bool Is(string? reason, string expected) => reason is not null && reason.IndexOf(expected, StringComparison.OrdinalIgnoreCase) >= 0;

    private static bool IsWrite(HttpRequestMessage request) => !RetryHandler.IsIdempotent(request.Method) || request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete;

    private static string? IssueOf(HttpRequestMessage request) =>
        RequestDescription.PathOf(request) is { } path && IssueInPath.Match(path) is { Success: true } match ? match.Groups["issue"].Value : null;

    /// <summary>
    /// Method and path template: segments that name one resource (numbers, issue keys, ids) read as <c>{}</c>, so
    /// <c>GET /rest/api/3/issue/DOCS-1</c> and <c>…/DOCS-2</c> are one endpoint, as Jira counts them.
    /// </summary>
    internal static string EndpointOf(HttpRequestMessage request)
    {
        var path = RequestDescription.PathOf(request) ?? string.Empty;
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
            if (segments[i].Any(char.IsDigit)) segments[i] = "{}";
        return request.Method.Method + " " + string.Join("/", segments);
    }

    private sealed class Turn(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) semaphore.Release();
        }
    }
}

/// <summary>The SDK's metrics (<see cref="JiraTelemetry.MeterName"/>), beside its ActivitySource.</summary>
internal static class JiraMetrics
{
    private static readonly Meter Meter = new(JiraTelemetry.MeterName, typeof(JiraMetrics).Assembly.GetName().Version?.ToString());

    public static readonly Counter<long> Requests = Meter.CreateCounter<long>("jira.client.requests", "{request}", "Calls made through the pipeline.");

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>("jira.client.retries", "{retry}", "Attempts sent again after a 429, a 5xx or a network failure.");

    public static readonly Histogram<double> Waits = Meter.CreateHistogram<double>("jira.client.rate_limit.waits", "s", "Time spent waiting for a rate limit before sending.");

    /// <summary>The last <c>X-RateLimit-Remaining</c> seen; -1 until one is.</summary>
    public static long RemainingQuota = -1;

    private static readonly ObservableGauge<long> Remaining = Meter.CreateObservableGauge(
        "jira.client.rate_limit.remaining", () => Interlocked.Read(ref RemainingQuota), "{point}", "The quota Jira said was left (X-RateLimit-Remaining).");
}

/// <summary>Makes each call wait for the rate-limit pauses that apply to it; learns from every attempt's response.</summary>
internal sealed class RateLimitGovernorHandler : DelegatingHandler
{
    private readonly RateLimitGovernor _governor;

    public RateLimitGovernorHandler(RateLimitGovernor governor)
    {
        _governor = governor;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        JiraMetrics.Requests.Add(1);
        return _governor.MayHaveToWait(request) ? WaitThenSendAsync(request, cancellationToken) : base.SendAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> WaitThenSendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var turn = await _governor.WaitTurnAsync(request, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
