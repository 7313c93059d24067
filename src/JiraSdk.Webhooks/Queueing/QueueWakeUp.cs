namespace JiraSdk.Webhooks.Queueing;

/// <summary>
/// Wakes a waiting dequeue of a polling queue (SQLite, Redis) when this process changed the queue, instead of at the
/// next poll: take <see cref="Next"/> before looking at the queue, then wait on it, so a change made while looking is not missed.
/// </summary>
internal sealed class QueueWakeUp
{
    private TaskCompletionSource<bool> _changed = NewSignal();

    /// <summary>Completes at the next <see cref="Signal"/>.</summary>
    public Task Next => Volatile.Read(ref _changed).Task;

    /// <summary>Wakes every waiter.</summary>
    public void Signal() => Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult(true);

    /// <summary>Waits until <paramref name="changed"/> completes, <paramref name="wait"/> passes on <paramref name="timeProvider"/>, or cancellation (which throws).</summary>
    public static async Task WaitAsync(Task changed, TimeSpan wait, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
#if NET8_0_OR_GREATER
        var elapsed = Task.Delay(wait, timeProvider, stop.Token);
#else
        var elapsed = timeProvider.Delay(wait, stop.Token);
#endif
        await Task.WhenAny(changed, elapsed).ConfigureAwait(false);
        stop.Cancel();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static TaskCompletionSource<bool> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
