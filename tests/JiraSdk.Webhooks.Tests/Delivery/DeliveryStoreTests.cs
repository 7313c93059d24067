using JiraSdk.Webhooks.Delivery;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Time.Testing;

namespace JiraSdk.Webhooks.Tests.Delivery;

public class MemoryWebhookDeliveryStoreTests
{
    [Test]
    public async Task A_delivery_id_is_claimed_once_until_released()
    {
        var store = new MemoryWebhookDeliveryStore();

        Assert.That(await store.TryBeginAsync("d1", default), Is.True);
        Assert.That(await store.TryBeginAsync("d1", default), Is.False);
        await store.ReleaseAsync("d1", default);
        Assert.That(await store.TryBeginAsync("d1", default), Is.True, "a released claim lets Jira's retry through");
        await store.CompleteAsync("d1", default);
        Assert.That(await store.TryBeginAsync("d1", default), Is.False);
    }

    [Test]
    public async Task Ids_are_forgotten_after_the_retention_period()
    {
        var clock = new FakeTimeProvider();
        var store = new MemoryWebhookDeliveryStore(new MemoryWebhookDeliveryStoreOptions { RetentionPeriod = TimeSpan.FromHours(1) }, clock);
        await store.TryBeginAsync("d1", default);

        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.That(await store.TryBeginAsync("d1", default), Is.False);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That(await store.TryBeginAsync("d1", default), Is.True);
        Assert.That(store.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task The_store_never_holds_more_than_its_capacity_and_forgets_the_oldest_first()
    {
        var store = new MemoryWebhookDeliveryStore(new MemoryWebhookDeliveryStoreOptions { Capacity = 3 });
        foreach (var id in new[] { "a", "b", "c", "d" }) await store.TryBeginAsync(id, default);

        Assert.That(store.Count, Is.EqualTo(3));
        Assert.That(await store.TryBeginAsync("d", default), Is.False);
        Assert.That(await store.TryBeginAsync("a", default), Is.True, "the oldest id was evicted");
    }

    [Test]
    public async Task Concurrent_claims_of_one_id_let_exactly_one_through()
    {
        var store = new MemoryWebhookDeliveryStore();

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () => await store.TryBeginAsync("same", default))));

        Assert.That(results.Count(r => r), Is.EqualTo(1));
    }
}

public class DistributedCacheWebhookDeliveryStoreTests
{
    private static IDistributedCache NewCache(TimeProvider clock) => new FakeDistributedCache(clock);

    [Test]
    public async Task Two_receiver_instances_sharing_a_cache_claim_an_id_once()
    {
        var cache = NewCache(TimeProvider.System);
        var instanceA = new DistributedCacheWebhookDeliveryStore(cache);
        var instanceB = new DistributedCacheWebhookDeliveryStore(cache);

        Assert.That(await instanceA.TryBeginAsync("d1", default), Is.True);
        Assert.That(await instanceB.TryBeginAsync("d1", default), Is.False);
        await instanceA.CompleteAsync("d1", default);
        Assert.That(await instanceB.TryBeginAsync("d1", default), Is.False);
    }

    [Test]
    public async Task A_released_claim_lets_the_retry_through_on_another_instance()
    {
        var cache = NewCache(TimeProvider.System);
        var instanceA = new DistributedCacheWebhookDeliveryStore(cache);
        var instanceB = new DistributedCacheWebhookDeliveryStore(cache);

        await instanceA.TryBeginAsync("d1", default);
        await instanceA.ReleaseAsync("d1", default);

        Assert.That(await instanceB.TryBeginAsync("d1", default), Is.True);
    }

    [Test]
    public async Task A_claim_of_a_dead_instance_lapses_but_a_completed_id_is_kept_for_the_retention_period()
    {
        var clock = new FakeTimeProvider();
        var cache = NewCache(clock);
        var options = new DistributedCacheWebhookDeliveryStoreOptions { ClaimTimeout = TimeSpan.FromMinutes(5), RetentionPeriod = TimeSpan.FromHours(24) };
        var store = new DistributedCacheWebhookDeliveryStore(cache, options);

        await store.TryBeginAsync("abandoned", default);
        await store.TryBeginAsync("done", default);
        await store.CompleteAsync("done", default);
        clock.Advance(TimeSpan.FromMinutes(6));

        Assert.That(await store.TryBeginAsync("abandoned", default), Is.True);
        Assert.That(await store.TryBeginAsync("done", default), Is.False);
    }

    [Test]
    public async Task Keys_carry_the_prefix()
    {
        var cache = NewCache(TimeProvider.System);
        var store = new DistributedCacheWebhookDeliveryStore(cache, new DistributedCacheWebhookDeliveryStoreOptions { KeyPrefix = "tenant-a:" });

        await store.TryBeginAsync("d1", default);

        Assert.That(await cache.GetAsync("tenant-a:d1"), Is.Not.Null);
    }
}
