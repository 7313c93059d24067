using System.Collections.Concurrent;
using System.Text;
using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Processing;
using JiraSdk.Webhooks.Queueing;
using Microsoft.Extensions.Time.Testing;

namespace JiraSdk.Webhooks.Redis.Tests;

/// <summary>The queue's promises against a real redis-server: leased, de-duplicated, retried, dead-lettered, shared.</summary>
public class RedisWebhookDeliveryQueueTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    private static RedisWebhookDeliveryQueue Queue(string prefix, TimeProvider? clock = null, int maxAttempts = 20, TimeSpan? visibility = null) =>
        new(RedisServer.Connection.GetDatabase(), new RedisWebhookDeliveryQueueOptions
        {
            KeyPrefix = prefix,
            MaxAttempts = maxAttempts,
            VisibilityTimeout = visibility ?? TimeSpan.FromMinutes(5),
            PollInterval = TimeSpan.FromMilliseconds(50),
        }, clock);

    private static QueuedWebhookDelivery Delivery(string issueKey, string? deliveryId = null)
    {
        var body = Encoding.UTF8.GetBytes("""{"timestamp":1764400000000,"webhookEvent":"jira:issue_updated","issue":{"id":"1","key":""" + "\"" + issueKey + "\"" + ""","fields":{}}}""");
        return new QueuedWebhookDelivery("key-" + issueKey, body, new WebhookDeliveryContext(deliveryId ?? "id-" + issueKey, 1, "Primary", "t"));
    }

    private static void AssertNothingDue(RedisWebhookDeliveryQueue queue) =>
        Assert.That(async () => await queue.DequeueAsync(new CancellationTokenSource(TimeSpan.FromMilliseconds(300)).Token),
            Throws.InstanceOf<OperationCanceledException>());

    [Test]
    public async Task Deliveries_come_out_whole_once_per_body_digest_and_identifier_and_are_gone_once_acknowledged()
    {
        var queue = Queue("{" + RedisServer.NewPrefix() + "}");
        var delivery = Delivery("DOCS-1", "d-1");

        var answers = new[]
        {
            await queue.TryEnqueueAsync(delivery, default),
            await queue.TryEnqueueAsync(delivery, default),
            await queue.TryEnqueueAsync(new QueuedWebhookDelivery(delivery.Key, delivery.Body, new WebhookDeliveryContext("other-id")), default),
            await queue.TryEnqueueAsync(Delivery("DOCS-OTHER", "d-1"), default),
        };
        Assert.That(answers, Has.All.True);
        Assert.That(await queue.CountAsync(), Is.EqualTo(1));

        var leased = await queue.DequeueAsync(default);
        Assert.That((leased.Key, leased.Attempt, leased.Context.DeliveryId, leased.Context.RetryCount, leased.Context.Flow, leased.Context.Trace),
            Is.EqualTo((delivery.Key, 0, "d-1", 1, "Primary", "t")));
        Assert.That(leased.Body.ToArray(), Is.EqualTo(delivery.Body.ToArray()));
        await queue.AcknowledgeAsync(leased, default);

        Assert.That(await queue.CountAsync(), Is.Zero);
        Assert.That(await queue.TryEnqueueAsync(Delivery("DOCS-2", "d-1"), default), Is.True);
        Assert.That(await queue.CountAsync(), Is.EqualTo(1), "the identifier is free again once its delivery was acknowledged");
    }

    [Test]
    public async Task A_lease_that_runs_out_brings_the_delivery_back_to_another_instance_and_the_first_holder_cannot_touch_it()
    {
        var clock = new FakeTimeProvider(Now);
        var prefix = "{" + RedisServer.NewPrefix() + "}";
        var instanceA = Queue(prefix, clock, visibility: TimeSpan.FromMinutes(1));
        var instanceB = Queue(prefix, clock, visibility: TimeSpan.FromMinutes(1));
        await instanceA.TryEnqueueAsync(Delivery("DOCS-3"), default);

        var crashed = await instanceA.DequeueAsync(default);
        AssertNothingDue(instanceB);
        clock.Advance(TimeSpan.FromMinutes(1));
        var again = await instanceB.DequeueAsync(default);

        Assert.That((again.Key, again.Attempt), Is.EqualTo((crashed.Key, 1)));
        Assert.That(await instanceA.RetryLaterAsync(crashed, TimeSpan.Zero, default), Is.True);
        await instanceA.ReleaseAsync(crashed, TimeSpan.Zero, default);
        AssertNothingDue(instanceA);
        await instanceB.ReleaseAsync(again, TimeSpan.Zero, default);
        Assert.That((await instanceA.DequeueAsync(default)).Attempt, Is.EqualTo(1), "a release is not an attempt");
    }

    [Test]
    public async Task Failures_come_back_after_their_delay_until_the_attempt_limit_then_wait_in_the_dead_letters()
    {
        var clock = new FakeTimeProvider(Now);
        var queue = Queue("{" + RedisServer.NewPrefix() + "}", clock, maxAttempts: 3);
        var delivery = Delivery("DOCS-4", "d-4");
        await queue.TryEnqueueAsync(delivery, default);

        var answers = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            var leased = await queue.DequeueAsync(default);
            Assert.That(leased.Attempt, Is.EqualTo(i));
            answers.Add(await queue.RetryLaterAsync(leased, TimeSpan.FromSeconds(10), default));
            if (i < 2)
            {
                AssertNothingDue(queue);
                clock.Advance(TimeSpan.FromSeconds(10));
            }
        }

        Assert.That(answers, Is.EqualTo(new[] { true, true, false }));
        Assert.That(await queue.CountAsync(), Is.Zero);
        var letter = (await queue.GetDeadLettersAsync()).Single();
        Assert.That((letter.Delivery.Key, letter.Delivery.Attempt, letter.Delivery.Context.DeliveryId, letter.EnqueuedAt, letter.DeadLetteredAt),
            Is.EqualTo((delivery.Key, 3, "d-4", Now, Now.AddSeconds(20))));
        Assert.That(letter.Delivery.Body.ToArray(), Is.EqualTo(delivery.Body.ToArray()));

        Assert.That(await queue.RequeueDeadLetterAsync(delivery.Key), Is.True);
        Assert.That(await queue.RequeueDeadLetterAsync(delivery.Key), Is.False);
        var requeued = await queue.DequeueAsync(default);
        Assert.That((requeued.Key, requeued.Attempt, requeued.Context.DeliveryId), Is.EqualTo((delivery.Key, 0, "d-4")));
        Assert.That(await queue.RetryLaterAsync(requeued, TimeSpan.Zero, default), Is.True);
    }

    [Test]
    public async Task A_delivery_whose_leases_keep_running_out_ends_in_the_dead_letters_and_can_be_deleted()
    {
        var clock = new FakeTimeProvider(Now);
        var queue = Queue("{" + RedisServer.NewPrefix() + "}", clock, maxAttempts: 2, visibility: TimeSpan.FromSeconds(30));
        var delivery = Delivery("DOCS-5");
        await queue.TryEnqueueAsync(delivery, default);

        await queue.DequeueAsync(default);
        clock.Advance(TimeSpan.FromSeconds(30));
        await queue.DequeueAsync(default);
        clock.Advance(TimeSpan.FromSeconds(30));
        AssertNothingDue(queue);

        Assert.That((await queue.GetDeadLettersAsync()).Select(l => l.Delivery.Attempt), Is.EqualTo(new[] { 2 }));
        Assert.That(await queue.DeleteDeadLetterAsync(delivery.Key), Is.True);
        Assert.That(await queue.GetDeadLettersAsync(), Is.Empty);
    }

    [Test]
    public async Task Three_instances_sharing_one_redis_never_lease_the_same_delivery()
    {
        const int count = 90;
        var prefix = "{" + RedisServer.NewPrefix() + "}";
        var producer = Queue(prefix);
        var taken = new ConcurrentBag<string>();
        var reserved = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var consuming = Enumerable.Range(0, 3).Select(_ => Queue(prefix)).Select(queue => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref reserved) <= count)
            {
                var delivery = await queue.DequeueAsync(timeout.Token);
                taken.Add(delivery.Key);
                await queue.AcknowledgeAsync(delivery, default);
            }
        })).ToArray();
        for (var i = 0; i < count; i++) await producer.TryEnqueueAsync(Delivery("DOCS-" + i), default);
        await Task.WhenAll(consuming);

        Assert.That(taken, Is.Unique);
        Assert.That(taken, Has.Count.EqualTo(count));
        Assert.That(await producer.CountAsync(), Is.Zero);
    }

    /// <summary>Counts handlings per issue; the first handling of every fifth issue fails.</summary>
    private sealed class Handler : IJiraWebhookHandler
    {
        public ConcurrentDictionary<string, int> Calls { get; } = new();
        public ConcurrentDictionary<string, int> Handled { get; } = new();

        public Task HandleAsync(JiraWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
        {
            var key = ((IssueUpdatedEvent)webhookEvent).Issue!.Key!;
            if (Calls.AddOrUpdate(key, 1, (_, n) => n + 1) == 1 && int.Parse(key.Substring(5), System.Globalization.CultureInfo.InvariantCulture) % 5 == 0)
                throw new InvalidOperationException("downstream unavailable");
            Handled.AddOrUpdate(key, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }
    }

    [Test]
    public async Task Two_receiver_instances_processing_one_shared_queue_handle_every_delivery_exactly_once_retries_included()
    {
        const int count = 40;
        var prefix = "{" + RedisServer.NewPrefix() + "}";
        var database = RedisServer.Connection.GetDatabase();
        var store = new RedisWebhookDeliveryStore(database, new RedisWebhookDeliveryStoreOptions { KeyPrefix = prefix + "store:" });
        var handler = new Handler();
        using var stop = new CancellationTokenSource();
        var processors = Enumerable.Range(0, 2)
            .Select(_ => new JiraWebhookQueueProcessor(Queue(prefix), store, new[] { handler }).RunAsync(stop.Token)).ToArray();

        var producer = Queue(prefix);
        for (var i = 0; i < count; i++) await producer.TryEnqueueAsync(Delivery("DOCS-" + i), default);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await producer.CountAsync() > 0 || handler.Handled.Count < count) && DateTime.UtcNow < deadline) await Task.Delay(50);
        stop.Cancel();
        await Task.WhenAll(processors);

        Assert.That(handler.Handled.Keys, Is.EquivalentTo(Enumerable.Range(0, count).Select(i => "DOCS-" + i)));
        Assert.That(handler.Handled.Values, Has.All.EqualTo(1));
        Assert.That(handler.Calls.Values.Sum(), Is.EqualTo(count + count / 5), "each failure retried once, nothing else twice");
        Assert.That(await producer.CountAsync(), Is.Zero);
    }
}
