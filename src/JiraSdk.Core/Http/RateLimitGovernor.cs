using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace JiraSdk.Http;

/// <summary>
/// Follows Jira Cloud's rate-limit answers by their <c>RateLimit-Reason</c> (Atlassian's guidance, 2025–26): a quota
/// (<c>jira-quota-global-based</c>, <c>jira-quota-tenant-based</c>) pauses every call of the client until the reset;
/// <c>jira-burst-based</c> pauses only that endpoint (method + path template); <c>jira-per-issue-on-write</c> pauses
/// writes to that issue and sends them one at a time from then on. A pause is lengthened once by the retry options'
/// jitter, and every call it holds (new ones and the refused ones waiting to retry) resumes at its end, so no caller
/// comes back later than the limit asks. <c>Beta-Retry-After</c> is only read when nothing else says how long to wait,
/// and capped at <see cref="JiraRetryOptions.MaxDelay"/> (Atlassian calls the Beta headers advisory). Before any 429,
/// <c>X-RateLimit-NearLimit: true</c> paces the endpoint that said it: its calls are spaced so the remaining budget
/// (<c>X-RateLimit-Remaining</c>) lasts until the reset (<c>X-RateLimit-Reset</c>).
/// </summary>
internal sealed class RateLimitGovernor
{
    private const string QuotaGlobal = "jira-quota-global-based";
    private const string QuotaTenant = "jira-quota-tenant-based";
    private const string Burst = "jira-burst-based";
    private const string PerIssueWrite = "jira-per-issue-on-write";

    /// <summary>The spacing when Jira says it is near the limit but not how much is left or when it resets.</summary>
    internal static readonly TimeSpan DefaultNearLimitSpacing = TimeSpan.FromMilliseconds(250);

    /// <summary>The widest spacing near the limit: beyond it a 429 and its Retry-After say more than a guess.</summary>
    internal static readonly TimeSpan MaxNearLimitSpacing = TimeSpan.FromSeconds(10);

    private static readonly Regex IssueInPath = new(@"/issue/(?<issue>[^/?]+)", RegexOptions.CultureInvariant);

    private readonly TimeProvider _time;
    private readonly JiraRetryOptions _retry;
    private readonly Func<double> _random;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _endpointPauses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Pace> _paces = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _serialIssues = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string Method, string Template), string> _templateEndpoints = new();
    private long _clientPausedUntilTicks;
    private long _pausesEndTicks; // when the last pause of any kind ends: before it, a request may have to wait
    private volatile bool _serialising; // some issue's writes go one at a time
    private volatile bool _pacing; // an endpoint was near its limit once: its calls may be spaced from then on

    /// <summary>
    /// Whether <paramref name="request"/> may have to wait (<see cref="WaitTurnAsync"/>); <c>false</c> lets it go at once
    /// without a turn, which is every call while Jira has asked for no pause and no pacing.
    /// </summary>
    public bool MayHaveToWait(HttpRequestMessage request) =>
        _pacing || (_serialising && IsWrite(request)) || _time.GetUtcNow().UtcTicks < Interlocked.Read(ref _pausesEndTicks);

    public RateLimitGovernor(TimeProvider time, JiraRetryOptions? retry = null)
    {
        _time = time;
        _retry = retry ?? new JiraRetryOptions();
        _random = _retry.Random ?? RetryHandler.CreateSharedRandom();
    }

    /// <summary>Waits until the request may go, and for a write to a serialised issue, takes that issue's turn.</summary>
    /// <returns>The turn to release when the call ends, or <c>null</c>.</returns>
    public async Task<IDisposable?> WaitTurnAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var endpoint = EndpointOf(request);
        request.SetRateLimitEndpoint(endpoint);
        var issue = IsWrite(request) ? IssueOf(request) : null;
        SemaphoreSlim? turn = null;
        if (issue is not null && _serialIssues.TryGetValue(issue, out var serial))
        {
            await serial.WaitAsync(cancellationToken).ConfigureAwait(false);
            turn = serial;
        }
        try
        {
            var now = _time.GetUtcNow();
            var until = PausedUntil(endpoint, issue);
            if (_paces.TryGetValue(endpoint, out var pace)) until = pace.Reserve(until > now ? until : now);
            var wait = until - now;
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

    /// <summary>
    /// Notes the endpoint <paramref name="request"/> counts under, as <see cref="WaitTurnAsync"/> does, for a request that
    /// goes at once. A request with a path template needs no note: its endpoint is the template's, whatever the path
    /// becomes on the way (the API gateway's prefix, a redirect), so the note and its work are saved on every such call.
    /// </summary>
    public void RecordEndpoint(HttpRequestMessage request)
    {
        if (request.PathTemplateOf() is null) request.SetRateLimitEndpoint(EndpointOf(request));
    }

    /// <summary>How long until the pauses that hold <paramref name="request"/> end; zero when none does.</summary>
    public TimeSpan PauseRemaining(HttpRequestMessage request)
    {
        var endpoint = request.RateLimitEndpointOf() ?? EndpointOf(request);
        var wait = PausedUntil(endpoint, IsWrite(request) ? IssueOf(request) : null) - _time.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>Learns from a response: remaining quota, how near the limit the endpoint is, and for a 429 which pause its reason calls for.</summary>
    public void Observe(HttpRequestMessage request, HttpResponseMessage response)
    {
        var remaining = RateLimitHeaders.HeaderValue(response, RateLimitHeaders.RemainingHeader) is { } remainingText
            && long.TryParse(remainingText, NumberStyles.None, CultureInfo.InvariantCulture, out var left) ? left : (long?)null;
        if (remaining is { } known) JiraMetrics.RemainingQuota.Record(known);
        var now = _time.GetUtcNow();
        if ((int)response.StatusCode != 429)
        {
            // The endpoint's name is only worked out when pacing may start or end: most answers say nothing about it.
            if (_pacing || RateLimitHeaders.HeaderValue(response, RateLimitHeaders.NearLimitHeader) is not null)
                ObserveNearLimit(request.RateLimitEndpointOf() ?? EndpointOf(request), response, remaining, now);
            return;
        }
        var endpoint = request.RateLimitEndpointOf() ?? EndpointOf(request);

        var beta = RateLimitHeaders.ParseRetryAfter(RateLimitHeaders.HeaderValue(response, RateLimitHeaders.BetaRetryAfterHeader), now);
        var delay = RateLimitHeaders.RetryDelay(RateLimitHeaders.HeaderValue(response, RateLimitHeaders.RetryAfterHeader), RateLimitHeaders.HeaderValue(response, RateLimitHeaders.ResetHeader), now)
            ?? (beta is { } hint && hint > _retry.MaxDelay ? _retry.MaxDelay : beta);
        if (delay is not { } wait || wait <= TimeSpan.Zero) return;
        var until = now + wait + TimeSpan.FromTicks((long)(wait.Ticks * _retry.JitterRatio * _random()));
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
            PauseEndpoint(IssueKey(endpoint, issue), until);
        }
        else
        {
            // jira-burst-based, or a 429 without a reason: the endpoint is what Jira counts.
            PauseEndpoint(endpoint, until);
        }
    }

    /// <summary>
    /// <c>X-RateLimit-NearLimit: true</c> spaces the endpoint's calls so the remaining budget lasts until the reset
    /// (<c>(reset − now) / (remaining + 1)</c>, at most <see cref="MaxNearLimitSpacing"/>); any other answer ends the spacing.
    /// </summary>
    private void ObserveNearLimit(string endpoint, HttpResponseMessage response, long? remaining, DateTimeOffset now)
    {
        if (!string.Equals(RateLimitHeaders.HeaderValue(response, RateLimitHeaders.NearLimitHeader)?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            if (!_paces.IsEmpty) _paces.TryRemove(endpoint, out _);
            return;
        }
        var reset = RateLimitHeaders.ParseReset(RateLimitHeaders.HeaderValue(response, RateLimitHeaders.ResetHeader), now);
        var spacing = reset is { } untilReset && untilReset > TimeSpan.Zero
            ? TimeSpan.FromTicks(untilReset.Ticks / ((remaining ?? 0) + 1))
            : DefaultNearLimitSpacing;
        if (spacing > MaxNearLimitSpacing) spacing = MaxNearLimitSpacing;
        _paces.AddOrUpdate(endpoint, _ => new Pace(spacing), (_, pace) => pace.WithSpacing(spacing));
        _pacing = true;
    }

    private DateTimeOffset PausedUntil(string endpoint, string? issue)
    {
        var until = new DateTimeOffset(Interlocked.Read(ref _clientPausedUntilTicks), TimeSpan.Zero);
        if (!_endpointPauses.IsEmpty)
        {
            if (_endpointPauses.TryGetValue(endpoint, out var endpointUntil) && endpointUntil > until) until = endpointUntil;
            if (issue is not null && _endpointPauses.TryGetValue(IssueKey(endpoint, issue), out var issueUntil) && issueUntil > until) until = issueUntil;
        }
        return until;
    }

    private static string IssueKey(string endpoint, string issue) => endpoint + " " + issue;

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
    /// Method and path template, as Jira counts endpoints: the template the request was built from when the generated
    /// client or the universal request set it (<c>rest/api/3/project/{projectIdOrKey}</c> → <c>GET /rest/api/3/project/{}</c>,
    /// worked out once per template), otherwise the path with every segment that holds a digit (numbers, issue keys, ids)
    /// read as <c>{}</c>, so <c>GET /rest/api/3/issue/DOCS-1</c> and <c>…/DOCS-2</c> are one endpoint.
    /// </summary>
    internal string EndpointOf(HttpRequestMessage request)
    {
        if (request.PathTemplateOf() is { } template)
            return _templateEndpoints.GetOrAdd((request.Method.Method, template), key => key.Method + " " + NormalizedTemplate(key.Template));
        var path = RequestDescription.PathOf(request) ?? string.Empty;
        // One pass, no split or LINQ: this runs on every request sent without a template (raw requests, self links).
        var endpoint = new System.Text.StringBuilder(request.Method.Method.Length + 1 + path.Length);
        endpoint.Append(request.Method.Method).Append(' ');
        for (var start = 0; start <= path.Length;)
        {
            var end = path.IndexOf('/', start);
            if (end < 0) end = path.Length;
            if (start > 0) endpoint.Append('/');
            if (HasDigit(path, start, end)) endpoint.Append("{}");
            else endpoint.Append(path, start, end - start);
            start = end + 1;
        }
        return endpoint.ToString();
    }

    private static bool HasDigit(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
            if (char.IsDigit(text[i])) return true;
        return false;
    }

    /// <summary><c>rest/api/3/issue/{issueIdOrKey}/comment?expand={e}</c> → <c>/rest/api/3/issue/{}/comment</c>.</summary>
    private static string NormalizedTemplate(string template)
    {
        var path = template.Split('?')[0];
        var normalized = new System.Text.StringBuilder(path.Length + 1);
        if (!path.StartsWith("/", StringComparison.Ordinal)) normalized.Append('/');
        for (var i = 0; i < path.Length; i++)
        {
            var end = path[i] == '{' ? path.IndexOf('}', i) : -1;
            if (end < 0)
            {
                normalized.Append(path[i]);
                continue;
            }
            normalized.Append("{}");
            i = end;
        }
        return normalized.ToString();
    }

    /// <summary>Evenly spaced send slots for an endpoint near its limit.</summary>
    private sealed class Pace(TimeSpan spacing)
    {
        private readonly object _gate = new();
        private TimeSpan _spacing = spacing;
        private DateTimeOffset _next = DateTimeOffset.MinValue;

        public Pace WithSpacing(TimeSpan spacing)
        {
            lock (_gate) _spacing = spacing;
            return this;
        }

        /// <summary>Takes the first free slot at or after <paramref name="earliest"/>.</summary>
        public DateTimeOffset Reserve(DateTimeOffset earliest)
        {
            lock (_gate)
            {
                var slot = _next > earliest ? _next : earliest;
                _next = slot + _spacing;
                return slot;
            }
        }
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

    /// <summary>
    /// Each <c>X-RateLimit-Remaining</c> Jira sends, recorded as it is seen (a synchronous gauge, so no client keeps the
    /// last value in shared state; listeners keep the last one).
    /// </summary>
    public static readonly Gauge<long> RemainingQuota = Meter.CreateGauge<long>(
        "jira.client.rate_limit.remaining", "{point}", "The quota Jira said was left (X-RateLimit-Remaining).");
}

/// <summary>Makes each call wait for the rate-limit pauses that apply to it; learns from every attempt's response.</summary>
internal sealed class RateLimitGovernorHandler : PipelineHandler
{
    private readonly RateLimitGovernor _governor;

    public RateLimitGovernorHandler(RateLimitGovernor governor)
    {
        _governor = governor;
    }

    protected override ValueTask<HttpResponseMessage> SendStepAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        JiraMetrics.Requests.Add(1);
        if (_governor.MayHaveToWait(request)) return WaitThenSendAsync(request, cancellationToken);
        _governor.RecordEndpoint(request);
        return SendInnerAsync(request, cancellationToken);
    }

#if NET6_0_OR_GREATER
    [AsyncMethodBuilder(typeof(PooledValueTaskMethodBuilder<>))]
#endif
    private async ValueTask<HttpResponseMessage> WaitThenSendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var turn = await _governor.WaitTurnAsync(request, cancellationToken).ConfigureAwait(false);
        return await SendInnerAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
