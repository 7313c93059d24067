using JiraSdk.Errors;

namespace JiraSdk.Http;

/// <summary>
/// Bounds a whole call, all retries and their waits included, and reports running out of time as
/// <see cref="JiraTimeoutException"/>, distinct from the caller cancelling.
/// </summary>
/// <remarks>
/// The owning <see cref="HttpClient"/>'s own timeout is set to infinite, because its cancellation cannot be told apart
/// from the caller's inside the pipeline. The timeout covers the time until the response headers arrive.
/// </remarks>
internal sealed class TimeoutHandler : DelegatingHandler
{
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;

    public TimeoutHandler(TimeSpan timeout, TimeProvider time)
    {
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive or infinite.");
        _timeout = timeout;
        _time = time;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_timeout == Timeout.InfiniteTimeSpan) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

#if NET8_0_OR_GREATER
        using var timer = new CancellationTokenSource(_timeout, _time);
#else
        using var timer = _time.CreateCancellationTokenSource(_timeout);
#endif
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await base.SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException cancelled) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new JiraTimeoutException($"Jira did not answer within {_timeout}.", _timeout, cancelled);
        }
    }
}
