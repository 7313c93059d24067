using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Distributed;

namespace JiraSdk.Webhooks.Tests.Delivery;

/// <summary>An <see cref="IDistributedCache"/> on a fake clock, honouring absolute expiration, as Redis would.</summary>
internal sealed class FakeDistributedCache(TimeProvider clock) : IDistributedCache
{
    private readonly ConcurrentDictionary<string, (byte[] Value, DateTimeOffset? ExpiresAt)> _entries = new();

    public byte[]? Get(string key) =>
        _entries.TryGetValue(key, out var entry) && (entry.ExpiresAt is null || entry.ExpiresAt > clock.GetUtcNow()) ? entry.Value : null;

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromResult(Get(key));

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) =>
        _entries[key] = (value, options.AbsoluteExpirationRelativeToNow is { } ttl ? clock.GetUtcNow() + ttl : options.AbsoluteExpiration);

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        Set(key, value, options);
        return Task.CompletedTask;
    }

    public void Refresh(string key) { }

    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    public void Remove(string key) => _entries.TryRemove(key, out _);

    public Task RemoveAsync(string key, CancellationToken token = default)
    {
        Remove(key);
        return Task.CompletedTask;
    }
}
