using System.Threading.Channels;

namespace JiraSdk.Webhooks.Queueing;

/// <summary>
/// An <see cref="IWebhookDeliveryQueue"/> in process memory, bounded, de-duplicated by key, without an attempt limit.
/// Deliveries acknowledged to Jira but not yet processed are lost if the process stops; use a durable queue
/// (JiraSdk.Webhooks.Sqlite) where that matters.
/// </summary>
public sealed class MemoryWebhookDeliveryQueue : IWebhookDeliveryQueue
{
    /// <summary>The default bound: 10,000 deliveries.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly Channel<QueuedWebhookDelivery> _channel;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a queue holding at most <paramref name="capacity"/> deliveries (those waiting for a retry included).</summary>
    public MemoryWebhookDeliveryQueue(int capacity = DefaultCapacity, TimeProvider? timeProvider = null)
    {
        if (capacity <= 0) throw new ArgumentOutOfRangeException(nameof(capacity), "The capacity must be positive.");
        // Unbounded channel, bounded by the count below: a retry must always find room, or it would be lost.
        _channel = Channel.CreateUnbounded<QueuedWebhookDelivery>(new UnboundedChannelOptions { SingleReader = false });
        Capacity = capacity;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The bound.</summary>
    public int Capacity { get; }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<object, ITimer> _pending = new();

    // The copy of each owed key handed out last: only that copy may retry or release it.
    private readonly Dictionary<string, QueuedWebhookDelivery> _owed = new(StringComparer.Ordinal);

    /// <summary>Deliveries enqueued and not yet acknowledged.</summary>
    public int Count
    {
        get { lock (_owed) return _owed.Count; }
    }

    /// <inheritdoc />
    public ValueTask<bool> TryEnqueueAsync(QueuedWebhookDelivery delivery, CancellationToken cancellationToken)
    {
        if (delivery is null) throw new ArgumentNullException(nameof(delivery));
        lock (_owed)
        {
            if (_owed.ContainsKey(delivery.Key)) return new(true);
            if (_owed.Count >= Capacity) return new(false);
            _owed.Add(delivery.Key, delivery);
        }
        _channel.Writer.TryWrite(delivery);
        return new(true);
    }

    /// <inheritdoc />
    public ValueTask<QueuedWebhookDelivery> DequeueAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask AcknowledgeAsync(QueuedWebhookDelivery delivery, CancellationToken cancellationToken)
    {
        if (delivery is null) throw new ArgumentNullException(nameof(delivery));
        lock (_owed) _owed.Remove(delivery.Key);
        return default;
    }

    /// <inheritdoc />
    public ValueTask<bool> RetryLaterAsync(QueuedWebhookDelivery delivery, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delivery is null) throw new ArgumentNullException(nameof(delivery));
        Requeue(delivery, new QueuedWebhookDelivery(delivery.Key, delivery.Body, delivery.Context, delivery.Attempt + 1), delay);
        return new(true);
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(QueuedWebhookDelivery delivery, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delivery is null) throw new ArgumentNullException(nameof(delivery));
        Requeue(delivery, new QueuedWebhookDelivery(delivery.Key, delivery.Body, delivery.Context, delivery.Attempt), delay);
        return default;
    }

    private void Requeue(QueuedWebhookDelivery handedOut, QueuedWebhookDelivery next, TimeSpan delay)
    {
        lock (_owed)
        {
            // Only the copy handed out last comes back: one acknowledged meanwhile stays done, a stale copy changes nothing.
            if (!_owed.TryGetValue(handedOut.Key, out var current) || !ReferenceEquals(current, handedOut)) return;
            _owed[next.Key] = next;
        }
        if (delay <= TimeSpan.Zero)
        {
            _channel.Writer.TryWrite(next);
            return;
        }
        // A timer rather than a waiting task, so a shutdown does not wait for it; the delivery stays counted. Timers are
        // held until they fire: an unreferenced timer can be collected and never fire.
        var holder = new object();
        _pending[holder] = _timeProvider.CreateTimer(state =>
        {
            _channel.Writer.TryWrite(next);
            if (_pending.TryRemove(state!, out var fired)) fired.Dispose();
        }, holder, delay, Timeout.InfiniteTimeSpan);
    }
}
