using JiraSdk.Webhooks.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace JiraSdk.Webhooks.Tests.Delivery;

public class MemoryWebhookDeliveryStoreTests
{
    private static async Task<WebhookDeliveryClaimStatus> Claim(IWebhookDeliveryStore store, string key) => (await store.TryClaimAsync(key, default)).Status;

    [Test]
    public async Task A_key_in_progress_is_told_apart_from_a_completed_one()
    {
        var store = new MemoryWebhookDeliveryStore();

        var first = await store.TryClaimAsync("d1", default);
        Assert.That(first.Status, Is.EqualTo(WebhookDeliveryClaimStatus.Claimed));
        Assert.That(await Claim(store, "d1"), Is.EqualTo(WebhookDeliveryClaimStatus.InProgress));
        await store.ReleaseAsync(first, default);
        var second = await store.TryClaimAsync("d1", default);
        Assert.That(second.Status, Is.EqualTo(WebhookDeliveryClaimStatus.Claimed), "a released claim lets Jira's retry through");
        Assert.That(await store.CompleteAsync(second, default), Is.True);
        Assert.That(await Claim(store, "d1"), Is.EqualTo(WebhookDeliveryClaimStatus.Completed));
    }

    [Test]
    public async Task A_lapsed_claim_taken_over_cannot_be_completed_or_released_by_its_first_holder()
    {
        var clock = new FakeTimeProvider();
        var store = new MemoryWebhookDeliveryStore(new MemoryWebhookDeliveryStoreOptions { ClaimTimeout = TimeSpan.FromMinutes(1) }, clock);
        var stale = await store.TryClaimAsync("d1", default);
        clock.Advance(TimeSpan.FromMinutes(1));
        var current = await store.TryClaimAsync("d1", default);

        Assert.That(current.Status, Is.EqualTo(WebhookDeliveryClaimStatus.Claimed), "a dead holder's claim lapses");
        await store.ReleaseAsync(stale, default);
        Assert.That(await Claim(store, "d1"), Is.EqualTo(WebhookDeliveryClaimStatus.InProgress), "the stale release did nothing");
        Assert.That(await store.CompleteAsync(stale, default), Is.False);
        Assert.That(await Claim(store, "d1"), Is.EqualTo(WebhookDeliveryClaimStatus.InProgress));
        Assert.That(await store.CompleteAsync(current, default), Is.True);
        Assert.That(await Claim(store, "d1"), Is.EqualTo(WebhookDeliveryClaimStatus.Completed));
    }

    [Test]
    public async Task Completed_keys_are_forgotten_after_the_retention_period()
    {
        var clock = new FakeTimeProvider();
        var store = new MemoryWebhookDeliveryStore(new MemoryWebhookDeliveryStoreOptions { RetentionPeriod = TimeSpan.FromHours(1) }, clock);
        await store.CompleteAsync(await store.TryClaimAsync("d1", default), default);

        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.That(await Claim(store, "d1"), Is.EqualTo(WebhookDeliveryClaimStatus.Completed));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That(await Claim(store, "d1"), Is.EqualTo(WebhookDeliveryClaimStatus.Claimed));
        Assert.That(store.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task The_store_never_holds_more_than_its_capacity_and_forgets_the_oldest_first()
    {
        var store = new MemoryWebhookDeliveryStore(new MemoryWebhookDeliveryStoreOptions { Capacity = 3 });
        foreach (var id in new[] { "a", "b", "c", "d" }) await store.CompleteAsync(await store.TryClaimAsync(id, default), default);

        Assert.That(store.Count, Is.EqualTo(3));
        Assert.That(await Claim(store, "d"), Is.EqualTo(WebhookDeliveryClaimStatus.Completed));
        Assert.That(await Claim(store, "a"), Is.EqualTo(WebhookDeliveryClaimStatus.Claimed), "the oldest key was evicted");
    }

    [Test]
    public async Task Concurrent_claims_of_one_key_let_exactly_one_through()
    {
        var store = new MemoryWebhookDeliveryStore();

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () => await Claim(store, "same"))));

        Assert.That(results.Count(r => r == WebhookDeliveryClaimStatus.Claimed), Is.EqualTo(1));
        Assert.That(results.Count(r => r == WebhookDeliveryClaimStatus.InProgress), Is.EqualTo(63));
    }
}
