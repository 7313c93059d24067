using System.Text;
using Microsoft.Extensions.Caching.Distributed;

namespace JiraSdk.Webhooks.Delivery;

/// <summary>Settings of the <see cref="DistributedCacheWebhookDeliveryStore"/>.</summary>
public sealed class DistributedCacheWebhookDeliveryStoreOptions
{
    /// <summary>Prefix of the cache keys, so several receivers can share one cache. Default <c>jirasdk:webhook-delivery:</c>.</summary>
    public string KeyPrefix { get; set; } = "jirasdk:webhook-delivery:";

    /// <summary>How long a handled delivery id is remembered. Default 24 hours.</summary>
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a claim of a delivery in progress lasts. If the instance holding it dies, Jira's retry is processed once the
    /// claim lapses. Longer than your slowest handler; default 5 minutes.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// An <see cref="IWebhookDeliveryStore"/> on an <see cref="IDistributedCache"/> (Redis, SQL Server, …), shared by several
/// receiver instances. <see cref="IDistributedCache"/> has no atomic add-if-absent, so a claim is written with a unique
/// token and read back: of two instances racing for one delivery, only the one whose token survived proceeds. A backend
/// that reorders writes can still let both through in rare cases; use a store with a native atomic insert if that matters.
/// </summary>
public sealed class DistributedCacheWebhookDeliveryStore : IWebhookDeliveryStore
{
    private const string CompletedMarker = "done";
    private readonly IDistributedCache _cache;
    private readonly DistributedCacheWebhookDeliveryStoreOptions _options;
    private readonly Func<string> _newClaimToken;

    /// <summary>Creates a store on <paramref name="cache"/>.</summary>
    public DistributedCacheWebhookDeliveryStore(IDistributedCache cache, DistributedCacheWebhookDeliveryStoreOptions? options = null)
        : this(cache, options, () => Guid.NewGuid().ToString("N"))
    {
    }

    internal DistributedCacheWebhookDeliveryStore(IDistributedCache cache, DistributedCacheWebhookDeliveryStoreOptions? options, Func<string> newClaimToken)
    {
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _options = options ?? new DistributedCacheWebhookDeliveryStoreOptions();
        _newClaimToken = newClaimToken;
    }

    /// <inheritdoc />
    public async ValueTask<bool> TryBeginAsync(string deliveryId, CancellationToken cancellationToken)
    {
        var key = KeyFor(deliveryId);
        if (await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false) is not null) return false;

        var token = Encoding.UTF8.GetBytes("claim:" + _newClaimToken());
        await _cache.SetAsync(key, token, Expiring(_options.ClaimTimeout), cancellationToken).ConfigureAwait(false);
        var stored = await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
        return stored is not null && stored.AsSpan().SequenceEqual(token);
    }

    /// <inheritdoc />
    public async ValueTask CompleteAsync(string deliveryId, CancellationToken cancellationToken) =>
        await _cache.SetAsync(KeyFor(deliveryId), Encoding.UTF8.GetBytes(CompletedMarker), Expiring(_options.RetentionPeriod), cancellationToken)
            .ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(string deliveryId, CancellationToken cancellationToken) =>
        await _cache.RemoveAsync(KeyFor(deliveryId), cancellationToken).ConfigureAwait(false);

    private string KeyFor(string deliveryId) =>
        _options.KeyPrefix + (deliveryId ?? throw new ArgumentNullException(nameof(deliveryId)));

    private static DistributedCacheEntryOptions Expiring(TimeSpan after) => new() { AbsoluteExpirationRelativeToNow = after };
}
