using JiraSdk.Webhooks.Delivery;

namespace JiraSdk.Webhooks.Redis.Tests;

public class RedisWebhookDeliveryStoreTests
{
    private static RedisWebhookDeliveryStore Store(TimeSpan? claimTimeout = null, TimeSpan? retention = null) =>
        new(RedisServer.Connection.GetDatabase(), new RedisWebhookDeliveryStoreOptions
        {
            KeyPrefix = RedisServer.NewPrefix(),
            ClaimTimeout = claimTimeout ?? TimeSpan.FromMinutes(5),
            RetentionPeriod = retention ?? TimeSpan.FromHours(24),
        });

    private static async Task<WebhookDeliveryClaimStatus> Claim(IWebhookDeliveryStore store, string key) => (await store.TryClaimAsync(key, default)).Status;

    [Test]
    public async Task A_key_in_progress_is_told_apart_from_a_completed_one()
    {
        var store = Store();

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
    public async Task A_lapsed_claim_taken_over_by_another_instance_cannot_be_clobbered_by_its_first_holder()
    {
        var database = RedisServer.Connection.GetDatabase();
        var options = new RedisWebhookDeliveryStoreOptions { KeyPrefix = RedisServer.NewPrefix(), ClaimTimeout = TimeSpan.FromMilliseconds(150) };
        var instanceA = new RedisWebhookDeliveryStore(database, options);
        var instanceB = new RedisWebhookDeliveryStore(database, options);

        var stale = await instanceA.TryClaimAsync("d1", default);
        await Task.Delay(300);
        var current = await instanceB.TryClaimAsync("d1", default);
        Assert.That(current.Status, Is.EqualTo(WebhookDeliveryClaimStatus.Claimed), "a dead holder's claim lapses (PX)");

        await instanceA.ReleaseAsync(stale, default);
        Assert.That(await Claim(instanceB, "d1"), Is.EqualTo(WebhookDeliveryClaimStatus.InProgress), "A's late release left B's claim alone");
        Assert.That(await instanceA.CompleteAsync(stale, default), Is.False);
        Assert.That(await Claim(instanceB, "d1"), Is.EqualTo(WebhookDeliveryClaimStatus.InProgress), "A's late completion wrote nothing");
        Assert.That(await instanceB.CompleteAsync(current, default), Is.True);
        Assert.That(await Claim(instanceA, "d1"), Is.EqualTo(WebhookDeliveryClaimStatus.Completed));
    }

    [Test]
    public async Task Completed_keys_expire_after_the_retention_period()
    {
        var store = Store(retention: TimeSpan.FromMilliseconds(200));
        await store.CompleteAsync(await store.TryClaimAsync("d1", default), default);
        Assert.That(await Claim(store, "d1"), Is.EqualTo(WebhookDeliveryClaimStatus.Completed));

        await Task.Delay(400);

        Assert.That(await Claim(store, "d1"), Is.EqualTo(WebhookDeliveryClaimStatus.Claimed));
    }

    [Test]
    public async Task Concurrent_claims_from_many_instances_let_exactly_one_through()
    {
        var database = RedisServer.Connection.GetDatabase();
        var options = new RedisWebhookDeliveryStoreOptions { KeyPrefix = RedisServer.NewPrefix() };
        var instances = Enumerable.Range(0, 8).Select(_ => new RedisWebhookDeliveryStore(database, options)).ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(async () => await Claim(instances[i % 8], "same"))));

        Assert.That(results.Count(r => r == WebhookDeliveryClaimStatus.Claimed), Is.EqualTo(1));
        Assert.That(results.Count(r => r == WebhookDeliveryClaimStatus.InProgress), Is.EqualTo(63));
    }

    [Test]
    public async Task The_receiver_on_a_shared_store_processes_a_delivery_once_across_instances()
    {
        var database = RedisServer.Connection.GetDatabase();
        var options = new RedisWebhookDeliveryStoreOptions { KeyPrefix = RedisServer.NewPrefix() };
        var handled = 0;
        var handler = new Processing.DelegateWebhookHandler().On<Events.JiraWebhookEvent>((_, _, _) => { Interlocked.Increment(ref handled); return Task.CompletedTask; });
        var receivers = Enumerable.Range(0, 3).Select(_ => new JiraWebhookReceiver(new JiraWebhookOptions { Secrets = { "s" } }, new[] { handler }, new RedisWebhookDeliveryStore(database, options))).ToArray();
        var body = System.Text.Encoding.UTF8.GetBytes("""{"timestamp":1,"webhookEvent":"jira:issue_created","issue":{"id":"1","key":"A-1","fields":{}}}""");
        var signature = Verification.JiraWebhookSignatureVerifier.ComputeSignature("s", body);

        var results = new List<WebhookReceiveStatus>();
        foreach (var receiver in receivers)
            results.Add((await receiver.ReceiveAsync(new WebhookDelivery(body, signature, new WebhookDeliveryContext("shared-1")), default)).Status);

        Assert.That(results, Is.EqualTo(new[] { WebhookReceiveStatus.Processed, WebhookReceiveStatus.Duplicate, WebhookReceiveStatus.Duplicate }));
        Assert.That(handled, Is.EqualTo(1));
    }
}
