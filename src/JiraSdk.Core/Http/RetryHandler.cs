using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace JiraSdk.Http;

/// <summary>
/// Sends a request again after a 429, a 502/503/504 or a transient network failure, following <see cref="JiraRetryOptions"/>.
/// </summary>
/// <remarks>
/// Written instead of Kiota's RetryHandler, which retries only on responses, misreads <c>Retry-After</c> dates, has no
/// jitter, ignores <c>X-RateLimit-Reset</c> and throws an AggregateException when out of attempts. Out of attempts, this
/// handler returns the last response, so the error mapping raises the exception that matches it.
/// </remarks>
internal sealed class RetryHandler : PipelineHandler
{
    private readonly JiraRetryOptions _options;
    private readonly TimeProvider _time;
    private readonly Func<double> _random;
    private readonly ILogger _logger;

    private readonly RateLimitGovernor? _governor;

    public RetryHandler(JiraRetryOptions options, TimeProvider time, ILogger logger, RateLimitGovernor? governor = null)
    {
        _governor = governor;
        options.Validate();
        _options = options;
        _time = time;
        _logger = logger;
        _random = options.Random ?? CreateSharedRandom();
    }

#if NET6_0_OR_GREATER
    [AsyncMethodBuilder(typeof(PooledValueTaskMethodBuilder<>))]
#endif
    protected override async ValueTask<HttpResponseMessage> SendStepAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_options.MaxAttempts > 1 && request.Content is { } content)
            await content.LoadIntoBufferAsync().ConfigureAwait(false); // every attempt must send the same bytes

        var waited = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await SendInnerAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception failure) when (IsTransientNetworkFailure(failure, cancellationToken) && MayRepeat(request))
            {
                var delay = WithJitter(Backoff(attempt));
                if (!CanWait(attempt, waited, delay)) throw;
                HttpLog.RetryingAfterFailure(_logger, request.Method.Method, RequestDescription.PathOf(request), attempt, delay, failure.GetType().Name);
                _options.Waiting?.Invoke(new JiraRetryWait(request.Method.Method, RequestDescription.PathOf(request), attempt, delay, null, null));
                JiraMetrics.Retries.Add(1);
                await DelayAsync(delay, cancellationToken).ConfigureAwait(false);
                waited += delay;
                continue;
            }

            _governor?.Observe(request, response);
            if (!IsRetryableStatus(response.StatusCode, request)) return response;

            // A 429 the governor turned into a pause (its Retry-After, lengthened once by jitter) is waited out with every
            // other call that pause holds; anything else waits Jira's hint or the backoff.
            var paused = (int)response.StatusCode == 429 && _governor is not null ? _governor.PauseRemaining(request) : TimeSpan.Zero;
            var governed = paused > TimeSpan.Zero;
            var wait = governed ? paused : HintedOrBackoff(response, attempt);
            if (!CanWait(attempt, waited, wait)) return response;

            HttpLog.RetryingAfterStatus(_logger, request.Method.Method, RequestDescription.PathOf(request), attempt, wait, (int)response.StatusCode);
            _options.Waiting?.Invoke(new JiraRetryWait(request.Method.Method, RequestDescription.PathOf(request), attempt, wait, (int)response.StatusCode,
                RateLimitHeaders.HeaderValue(response, Errors.JiraRateLimitException.RateLimitReasonHeader)));
            response.Dispose();
            JiraMetrics.Retries.Add(1);
            await DelayAsync(wait, cancellationToken).ConfigureAwait(false);
            waited += wait;
            // Another call's 429 may have lengthened the pause meanwhile; the retry goes when the pause really ends.
            for (var more = governed ? _governor!.PauseRemaining(request) : TimeSpan.Zero; more > TimeSpan.Zero; more = _governor!.PauseRemaining(request))
            {
                await DelayAsync(more, cancellationToken).ConfigureAwait(false);
                waited += more;
            }
        }
    }

    /// <summary>Jira's <c>Retry-After</c> / <c>X-RateLimit-Reset</c> as a minimum, else exponential backoff; jitter added.</summary>
    private TimeSpan HintedOrBackoff(HttpResponseMessage response, int attempt)
    {
        var hint = RateLimitHeaders.RetryDelay(
            RateLimitHeaders.HeaderValue(response, RateLimitHeaders.RetryAfterHeader), RateLimitHeaders.HeaderValue(response, RateLimitHeaders.ResetHeader), _time.GetUtcNow());
        var backoff = Backoff(attempt);
        return WithJitter(hint is { } minimum && minimum > backoff ? minimum : backoff);
    }

    private bool CanWait(int attempt, TimeSpan waited, TimeSpan delay) =>
        attempt < _options.MaxAttempts && waited + delay <= _options.MaxTotalWait;

    private bool IsRetryableStatus(HttpStatusCode status, HttpRequestMessage request) => (int)status switch
    {
        429 => true,
        502 or 503 or 504 => MayRepeat(request),
        _ => false,
    };

    /// <summary>Whether a request whose outcome is unknown may be sent again: idempotent, or the caller opted in.</summary>
    private bool MayRepeat(HttpRequestMessage request) => IsIdempotent(request.Method) || _options.RetryNonIdempotentRequests;

    /// <summary>A failure to reach Jira (not the caller cancelling), which the pipeline retries and reports as a network error.</summary>
    internal static bool IsTransientNetworkFailure(Exception failure, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && failure is HttpRequestException or IOException or Errors.JiraNetworkException;

    internal static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
        || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Trace;

    /// <summary>Exponential backoff (<c>InitialDelay × 2^(attempt-1)</c>, capped at <c>MaxDelay</c>), without jitter.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var ticks = _options.InitialDelay.Ticks * Math.Pow(2, attempt - 1);
        return ticks >= _options.MaxDelay.Ticks ? _options.MaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    private TimeSpan WithJitter(TimeSpan delay) =>
        delay + TimeSpan.FromTicks((long)(delay.Ticks * _options.JitterRatio * _random()));

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero) return Task.CompletedTask;
#if NET8_0_OR_GREATER
        return Task.Delay(delay, _time, cancellationToken);
#else
        return _time.Delay(delay, cancellationToken);
#endif
    }

    internal static Func<double> CreateSharedRandom()
    {
#if NET8_0_OR_GREATER
        return System.Random.Shared.NextDouble;
#else
        var random = new Random();
        return () => { lock (random) return random.NextDouble(); };
#endif
    }
}
