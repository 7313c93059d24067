namespace JiraSdk.Webhooks.Delivery;

/// <summary>Limits of the <see cref="MemoryWebhookDeliveryStore"/>.</summary>
public sealed class MemoryWebhookDeliveryStoreOptions
{
    /// <summary>
    /// How long a completed key is remembered: the replay window. Jira retries for about 30 minutes; the default is 24 hours.
    /// </summary>
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a claim in progress lasts before another caller may take the key over (a crashed or hung holder).
    /// Longer than your slowest inline handler; default 5 minutes.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The most keys kept; the oldest is forgotten first, which shortens the replay window under load. Default 100,000.</summary>
    public int Capacity { get; set; } = 100_000;
}

/// <summary>
/// An <see cref="IWebhookDeliveryStore"/> in process memory, bounded by age and count. Right for one receiver instance;
/// several instances need a shared store with an atomic claim (JiraSdk.Webhooks.Redis).
/// </summary>
public sealed class MemoryWebhookDeliveryStore : IWebhookDeliveryStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _byAge = new();
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _retention;
    private readonly TimeSpan _claimTimeout;
    private readonly int _capacity;
    private long _nextToken;

    /// <summary>Creates a store.</summary>
    public MemoryWebhookDeliveryStore(MemoryWebhookDeliveryStoreOptions? options = null, TimeProvider? timeProvider = null)
    {
        options ??= new MemoryWebhookDeliveryStoreOptions();
        if (options.RetentionPeriod <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "RetentionPeriod must be positive.");
        if (options.ClaimTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "ClaimTimeout must be positive.");
        if (options.Capacity <= 0) throw new ArgumentOutOfRangeException(nameof(options), "Capacity must be positive.");
        _retention = options.RetentionPeriod;
        _claimTimeout = options.ClaimTimeout;
        _capacity = options.Capacity;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How many keys are remembered now (claimed or completed).</summary>
    public int Count
    {
        get { lock (_gate) return _entries.Count; }
    }

    /// <inheritdoc />
    public ValueTask<WebhookDeliveryClaim> TryClaimAsync(string key, CancellationToken cancellationToken)
    {
        if (key is null) throw new ArgumentNullException(nameof(key));
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                if (existing.Value.ExpiresAt > now)
                    return new(new WebhookDeliveryClaim(key, existing.Value.Token is null ? WebhookDeliveryClaimStatus.Completed : WebhookDeliveryClaimStatus.InProgress));
                Forget(existing);
            }
            while (_byAge.First is { } oldest && (oldest.Value.ExpiresAt <= now || _entries.Count >= _capacity)) Forget(oldest);
            var token = (++_nextToken).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _entries[key] = _byAge.AddLast(new Entry(key, token, now + _claimTimeout));
            return new(new WebhookDeliveryClaim(key, WebhookDeliveryClaimStatus.Claimed, token));
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> CompleteAsync(WebhookDeliveryClaim claim, CancellationToken cancellationToken)
    {
        if (claim is null) throw new ArgumentNullException(nameof(claim));
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (_entries.TryGetValue(claim.Key, out var node))
            {
                if (!string.Equals(node.Value.Token, claim.Token, StringComparison.Ordinal)) return new(false);
                Forget(node);
            }
            // Completed keys move to the young end: they are kept for the whole retention period from now.
            _entries[claim.Key] = _byAge.AddLast(new Entry(claim.Key, null, now + _retention));
            return new(true);
        }
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(WebhookDeliveryClaim claim, CancellationToken cancellationToken)
    {
        if (claim is null) throw new ArgumentNullException(nameof(claim));
        lock (_gate)
        {
            if (_entries.TryGetValue(claim.Key, out var node) && node.Value.Token is not null
                && string.Equals(node.Value.Token, claim.Token, StringComparison.Ordinal))
                Forget(node);
        }
        return default;
    }

    private void Forget(LinkedListNode<Entry> node)
    {
        _byAge.Remove(node);
        _entries.Remove(node.Value.Key);
    }

    /// <summary>A key's state: <see cref="Token"/> is the holder's while in progress, <see langword="null"/> once completed.</summary>
    private readonly struct Entry
    {
        public Entry(string key, string? token, DateTimeOffset expiresAt)
        {
            Key = key;
            Token = token;
            ExpiresAt = expiresAt;
        }

        public string Key { get; }
        public string? Token { get; }
        public DateTimeOffset ExpiresAt { get; }
    }
}
