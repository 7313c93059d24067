namespace JiraSdk.Webhooks.Delivery;

/// <summary>Limits of the <see cref="MemoryWebhookDeliveryStore"/>.</summary>
public sealed class MemoryWebhookDeliveryStoreOptions
{
    /// <summary>How long a delivery id is remembered. Jira retries for about 30 minutes; the default is 24 hours.</summary>
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The most delivery ids kept; the oldest is forgotten first. The default is 100,000.</summary>
    public int Capacity { get; set; } = 100_000;
}

/// <summary>
/// An <see cref="IWebhookDeliveryStore"/> in process memory, bounded by age and count. Right for one receiver instance;
/// several instances behind a load balancer need a shared store such as <see cref="DistributedCacheWebhookDeliveryStore"/>.
/// </summary>
public sealed class MemoryWebhookDeliveryStore : IWebhookDeliveryStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _byAge = new();
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _retention;
    private readonly int _capacity;

    /// <summary>Creates a store.</summary>
    public MemoryWebhookDeliveryStore(MemoryWebhookDeliveryStoreOptions? options = null, TimeProvider? timeProvider = null)
    {
        options ??= new MemoryWebhookDeliveryStoreOptions();
        if (options.RetentionPeriod <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "RetentionPeriod must be positive.");
        if (options.Capacity <= 0) throw new ArgumentOutOfRangeException(nameof(options), "Capacity must be positive.");
        _retention = options.RetentionPeriod;
        _capacity = options.Capacity;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How many delivery ids are remembered now.</summary>
    public int Count
    {
        get { lock (_gate) return _entries.Count; }
    }

    /// <inheritdoc />
    public ValueTask<bool> TryBeginAsync(string deliveryId, CancellationToken cancellationToken)
    {
        if (deliveryId is null) throw new ArgumentNullException(nameof(deliveryId));
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            ForgetExpired(now);
            if (_entries.ContainsKey(deliveryId)) return new ValueTask<bool>(false);
            while (_entries.Count >= _capacity) Forget(_byAge.First!);
            _entries[deliveryId] = _byAge.AddLast(new Entry(deliveryId, now + _retention));
            return new ValueTask<bool>(true);
        }
    }

    /// <inheritdoc />
    public ValueTask CompleteAsync(string deliveryId, CancellationToken cancellationToken)
    {
        // The claim made in TryBeginAsync already remembers the id for the retention period.
        return default;
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(string deliveryId, CancellationToken cancellationToken)
    {
        if (deliveryId is null) throw new ArgumentNullException(nameof(deliveryId));
        lock (_gate)
        {
            if (_entries.TryGetValue(deliveryId, out var node)) Forget(node);
        }
        return default;
    }

    private void ForgetExpired(DateTimeOffset now)
    {
        // Entries are appended in time order with one retention period, so the oldest expire first.
        while (_byAge.First is { } oldest && oldest.Value.ExpiresAt <= now) Forget(oldest);
    }

    private void Forget(LinkedListNode<Entry> node)
    {
        _byAge.Remove(node);
        _entries.Remove(node.Value.DeliveryId);
    }

    private readonly struct Entry
    {
        public Entry(string deliveryId, DateTimeOffset expiresAt)
        {
            DeliveryId = deliveryId;
            ExpiresAt = expiresAt;
        }

        public string DeliveryId { get; }
        public DateTimeOffset ExpiresAt { get; }
    }
}
