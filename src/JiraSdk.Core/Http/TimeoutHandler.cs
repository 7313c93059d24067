using System.Runtime.CompilerServices;
using JiraSdk.Errors;

namespace JiraSdk.Http;

/// <summary>
/// Bounds a whole call, all retries and their waits included, and reports running out of time as
/// <see cref="JiraTimeoutException"/>, distinct from the caller cancelling.
/// </summary>
/// <remarks>
/// The owning <see cref="HttpClient"/>'s own timeout is set to infinite, because its cancellation cannot be told apart
/// from the caller's inside the pipeline. The timeout covers the whole call: the pipeline buffers JSON and text bodies inside it, and a streamed body's reads
/// stay bound to the same deadline (<see cref="GuardedBodyContent"/>).
/// </remarks>
internal sealed class TimeoutHandler : PipelineHandler
{
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
#if NET8_0_OR_GREATER
    // Deadlines that ended without firing, reset for the next call: a token source and its timer are most of what a
    // call's deadline allocates (issue 13, item 8). A few suffice: one per call in flight, beyond that new ones are made.
    private readonly SpareObjects<CancellationTokenSource> _spareDeadlines = new(Math.Min(Environment.ProcessorCount * 2, 16));

    /// <summary>How many ended deadlines are kept for reuse now (for tests).</summary>
    internal int SpareDeadlineCount => _spareDeadlines.Count;
#endif

    /// <summary>The longest deadline a <see cref="CancellationTokenSource"/> timer takes: 2^32 - 2 milliseconds, about 49.7 days.</summary>
    internal static readonly TimeSpan MaxTimeout = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    public TimeoutHandler(TimeSpan timeout, TimeProvider time)
    {
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive or infinite.");
        // A longer one (TimeSpan.MaxValue meant as "none") failed every call with the token source's bare "delay" error.
        if (timeout > MaxTimeout)
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout,
                $"The timeout can be at most {MaxTimeout} (the timers' limit); use Timeout.InfiniteTimeSpan for none.");
        _timeout = timeout;
        _time = time;
    }

#if NET6_0_OR_GREATER
    [AsyncMethodBuilder(typeof(PooledValueTaskMethodBuilder<>))]
#endif
    protected override async ValueTask<HttpResponseMessage> SendStepAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_timeout == Timeout.InfiniteTimeSpan)
        {
            var unbounded = await SendInnerAsync(request, cancellationToken).ConfigureAwait(false);
            return GuardStreamedBody(unbounded, null, request);
        }

        // One token source per call, the deadline (a spare when an earlier call's ended unfired). The caller's token, when
        // it can cancel at all, cancels the deadline's source through a registration that ends with this method, so a
        // streamed body read later keeps the deadline only.
#if NET8_0_OR_GREATER
        var timer = RentDeadline();
#else
        var timer = _time.CreateCancellationTokenSource(_timeout);
#endif
        var caller = cancellationToken.CanBeCanceled ? LinkCaller(cancellationToken, timer) : default;
        try
        {
            HttpResponseMessage response;
            try
            {
                response = await SendInnerAsync(request, timer.Token).ConfigureAwait(false);
            }
            finally
            {
                caller.Dispose(); // waits for a running cancel callback, so the timer is not cancelled once disposed
            }
            return GuardStreamedBody(response, timer, request);
        }
        catch (OperationCanceledException cancelled) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            timer.Dispose();
            throw new JiraTimeoutException($"Jira did not answer within {_timeout}.", _timeout, cancelled);
        }
        catch
        {
            timer.Dispose();
            throw;
        }
    }

#if NET8_0_OR_GREATER
    private CancellationTokenSource RentDeadline()
    {
        if (_spareDeadlines.TryTake() is not { } spare) return new CancellationTokenSource(_timeout, _time);
        spare.CancelAfter(_timeout); // the timer made from _time when the source was created, started again
        return spare;
    }

    /// <summary>
    /// Ends a deadline whose token no one holds any more (the response is buffered, the caller's registration disposed):
    /// one that did not fire is stopped and kept for another call, any other is disposed.
    /// </summary>
    private void EndDeadline(CancellationTokenSource timer)
    {
        if (!timer.TryReset() || !_spareDeadlines.TryKeep(timer)) timer.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            while (_spareDeadlines.TryTake() is { } spare) spare.Dispose();
        base.Dispose(disposing);
    }
#else
    private static void EndDeadline(CancellationTokenSource timer) => timer.Dispose();
#endif

    private static CancellationTokenRegistration LinkCaller(CancellationToken cancellationToken, CancellationTokenSource timer)
    {
#if NET8_0_OR_GREATER
        return cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), timer);
#else
        return cancellationToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), timer);
#endif
    }

    /// <summary>
    /// A buffered body is complete, so the deadline ends here; a streamed one keeps it (the timer is the content's to
    /// dispose) and reports read failures as the SDK's exceptions.
    /// </summary>
    private HttpResponseMessage GuardStreamedBody(HttpResponseMessage response, CancellationTokenSource? timer, HttpRequestMessage request)
    {
        if (response.Content is null or BufferedBodyContent)
        {
            if (timer is not null) EndDeadline(timer);
            return response;
        }
        response.Content = new GuardedBodyContent(response.Content, new BodyGuard(timer, _timeout, request));
        return response;
    }
}
