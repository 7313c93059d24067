using System.Collections.Concurrent;
using System.Text;
using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Processing;
using JiraSdk.Webhooks.Queueing;
using Microsoft.Extensions.Time.Testing;

namespace JiraSdk.Webhooks.QueueContract;

/// <summary>
/// What every durable <see cref="IWebhookDeliveryQueue"/> promises, run against each one (SQLite here; the Redis tests
/// link this file): in order and whole, kept once per key and delivery id, leased, retried, dead-lettered, shared by
/// instances, and driven by the processor. A fixture opens instances on one storage, fresh for each test.
/// </summary>
public abstract class DurableDeliveryQueueContract<TQueue> where TQueue : IWebhookDeliveryQueue, IWebhookDeadLetters
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    /// <summary>A queue instance on this test's storage (several calls: several instances sharing it).</summary>
    protected abstract TQueue Open(TimeProvider? clock = null, int maxAttempts = 20, TimeSpan? visibility = null);

    /// <summary>Deliveries waiting or leased.</summary>
    protected abstract ValueTask<long> CountAsync(TQueue queue);

    protected static byte[] IssueUpdated(string issueKey) => Encoding.UTF8.GetBytes(
        """{"timestamp":1764400000000,"webhookEvent":"jira:issue_updated","issue":{"id":"1","key":""" + "\"" + issueKey + "\"" + ""","fields":{}}}""");

    /// <summary>A delivery of <paramref name="issueKey"/>'s update; its key stands for the body digest the receiver uses.</summary>
    protected static QueuedWebhookDelivery Delivery(string issueKey, string? deliveryId = null) =>
        new("digest-" + issueKey, IssueUpdated(issueKey), new WebhookDeliveryContext(deliveryId ?? "id-" + issueKey, 2, "Primary", "trace-1"));

    /// <summary>Nothing is due: a dequeue waits until cancelled (the token's clock is real, the queue's may be fake).</summary>
    protected static void AssertNothingDue(TQueue queue) =>
        Assert.That(async () => await queue.DequeueAsync(new CancellationTokenSource(TimeSpan.FromMilliseconds(300)).Token),
            Throws.InstanceOf<OperationCanceledException>());

    [Test]
    public async Task Enqueued_deliveries_come_out_in_order_whole_and_are_gone_once_acknowledged()
    {
        var queue = Open();
        Assert.That(await queue.TryEnqueueAsync(Delivery("DOCS-1"), default), Is.True);
        Assert.That(await queue.TryEnqueueAsync(Delivery("DOCS-2"), default), Is.True);

        var first = await queue.DequeueAsync(default);
        var second = await queue.DequeueAsync(default);
        Assert.That((first.Key, second.Key), Is.EqualTo(("digest-DOCS-1", "digest-DOCS-2")));
        Assert.That(first.Body.ToArray(), Is.EqualTo(IssueUpdated("DOCS-1")));
        Assert.That((first.Context.DeliveryId, first.Context.RetryCount, first.Context.Flow, first.Context.Trace, first.Attempt),
            Is.EqualTo(("id-DOCS-1", 2, "Primary", "trace-1", 0)));
        Assert.That(first.Receipt, Is.Not.Null.And.Not.EqualTo(second.Receipt));

        await queue.AcknowledgeAsync(first, default);
        await queue.AcknowledgeAsync(second, default);
        Assert.That(await CountAsync(queue), Is.Zero);
        AssertNothingDue(queue);
    }

    [Test]
    public async Task The_same_delivery_enqueued_twice_by_body_digest_or_by_identifier_is_kept_once()
    {
        var queue = Open();
        var delivery = Delivery("DOCS-3", "d-3");

        var answers = new[]
        {
            await queue.TryEnqueueAsync(delivery, default),
            await queue.TryEnqueueAsync(delivery, default),
            await queue.TryEnqueueAsync(new QueuedWebhookDelivery(delivery.Key, delivery.Body, new WebhookDeliveryContext("replayed-id")), default),
            await queue.TryEnqueueAsync(Delivery("DOCS-OTHER", "d-3"), default),
        };

        Assert.That(answers, Has.All.True, "a duplicate is queued (once), so the receiver may acknowledge it");
        Assert.That(await CountAsync(queue), Is.EqualTo(1));
        var leased = await queue.DequeueAsync(default);
        Assert.That(leased.Context.DeliveryId, Is.EqualTo("d-3"));
        Assert.That(await queue.TryEnqueueAsync(delivery, default), Is.True, "while leased, a redelivery is still the same delivery");
        Assert.That(await CountAsync(queue), Is.EqualTo(1));
        await queue.AcknowledgeAsync(leased, default);
        await queue.TryEnqueueAsync(Delivery("DOCS-4", "d-3"), default);
        Assert.That(await CountAsync(queue), Is.EqualTo(1), "the identifier is free again once its delivery was acknowledged");
    }

    [Test]
    public async Task A_lease_that_runs_out_brings_the_delivery_back_to_another_instance_and_the_first_holder_cannot_touch_it()
    {
        var clock = new FakeTimeProvider(Now);
        var instanceA = Open(clock, visibility: TimeSpan.FromMinutes(1));
        var instanceB = Open(clock, visibility: TimeSpan.FromMinutes(1));
        await instanceA.TryEnqueueAsync(Delivery("DOCS-5"), default);

        var crashed = await instanceA.DequeueAsync(default);
        AssertNothingDue(instanceB);
        clock.Advance(TimeSpan.FromSeconds(59));
        AssertNothingDue(instanceB);
        clock.Advance(TimeSpan.FromSeconds(1));
        var again = await instanceB.DequeueAsync(default);

        Assert.That((again.Key, again.Attempt), Is.EqualTo((crashed.Key, 1)), "a lease that ran out counts as a failed attempt");
        Assert.That(again.Receipt, Is.Not.EqualTo(crashed.Receipt));
        // The first holder wakes up late: its retry and release change nothing, the new lease holds.
        Assert.That(await instanceA.RetryLaterAsync(crashed, TimeSpan.Zero, default), Is.True);
        await instanceA.ReleaseAsync(crashed, TimeSpan.Zero, default);
        AssertNothingDue(instanceA);
        // Its acknowledgement does count: the delivery was processed, whoever holds the lease.
        await instanceA.AcknowledgeAsync(crashed, default);
        Assert.That(await CountAsync(instanceB), Is.Zero);
    }

    [Test]
    public async Task Failures_come_back_after_their_delay_until_the_attempt_limit_then_wait_in_the_dead_letters()
    {
        var clock = new FakeTimeProvider(Now);
        var queue = Open(clock, maxAttempts: 3);
        var delivery = Delivery("DOCS-6", "d-6");
        await queue.TryEnqueueAsync(delivery, default);

        var attempts = new List<int>();
        var answers = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            var leased = await queue.DequeueAsync(default);
            attempts.Add(leased.Attempt);
            answers.Add(await queue.RetryLaterAsync(leased, TimeSpan.FromSeconds(10), default));
            if (i == 2) break;
            AssertNothingDue(queue);
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.That(attempts, Is.EqualTo(new[] { 0, 1, 2 }));
        Assert.That(answers, Is.EqualTo(new[] { true, true, false }), "the third failure is the last");
        Assert.That(await CountAsync(queue), Is.Zero);
        var letter = (await queue.GetDeadLettersAsync()).Single();
        Assert.That((letter.Delivery.Key, letter.Delivery.Attempt, letter.Delivery.Context.DeliveryId, letter.Delivery.Context.Flow, letter.EnqueuedAt, letter.DeadLetteredAt),
            Is.EqualTo((delivery.Key, 3, "d-6", "Primary", Now, Now.AddSeconds(20))));
        Assert.That(letter.Delivery.Body.ToArray(), Is.EqualTo(delivery.Body.ToArray()));

        // Once the cause is fixed, an operator puts it back with a fresh attempt count.
        Assert.That(await queue.RequeueDeadLetterAsync(delivery.Key), Is.True);
        Assert.That(await queue.RequeueDeadLetterAsync(delivery.Key), Is.False);
        var requeued = await queue.DequeueAsync(default);
        Assert.That((requeued.Key, requeued.Attempt, requeued.Context.DeliveryId), Is.EqualTo((delivery.Key, 0, "d-6")));
        Assert.That(await queue.GetDeadLettersAsync(), Is.Empty);
    }

    [Test]
    public async Task A_delivery_whose_leases_keep_running_out_ends_in_the_dead_letters_and_can_be_deleted()
    {
        var clock = new FakeTimeProvider(Now);
        var queue = Open(clock, maxAttempts: 2, visibility: TimeSpan.FromSeconds(30));
        var delivery = Delivery("DOCS-7");
        await queue.TryEnqueueAsync(delivery, default);

        await queue.DequeueAsync(default); // crashes its processor
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.That((await queue.DequeueAsync(default)).Attempt, Is.EqualTo(1)); // and again
        clock.Advance(TimeSpan.FromSeconds(30));
        AssertNothingDue(queue);

        Assert.That((await queue.GetDeadLettersAsync()).Select(l => l.Delivery.Attempt), Is.EqualTo(new[] { 2 }));
        Assert.That(await queue.DeleteDeadLetterAsync(delivery.Key), Is.True);
        Assert.That(await queue.DeleteDeadLetterAsync(delivery.Key), Is.False);
        Assert.That(await queue.GetDeadLettersAsync(), Is.Empty);
    }

    [Test]
    public async Task A_release_hands_the_delivery_back_without_counting_an_attempt()
    {
        var clock = new FakeTimeProvider(Now);
        var queue = Open(clock, maxAttempts: 1);
        await queue.TryEnqueueAsync(Delivery("DOCS-8"), default);

        await queue.ReleaseAsync(await queue.DequeueAsync(default), TimeSpan.FromSeconds(5), default);
        AssertNothingDue(queue);
        clock.Advance(TimeSpan.FromSeconds(5));
        var again = await queue.DequeueAsync(default);

        Assert.That(again.Attempt, Is.Zero);
        Assert.That(await queue.GetDeadLettersAsync(), Is.Empty);
    }

    [Test]
    public async Task A_waiting_dequeue_wakes_when_a_delivery_arrives()
    {
        var queue = Open();
        var waiting = queue.DequeueAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token).AsTask();
        await Task.Delay(100);
        Assert.That(waiting.IsCompleted, Is.False);

        await queue.TryEnqueueAsync(Delivery("DOCS-9"), default);

        Assert.That((await waiting).Key, Is.EqualTo("digest-DOCS-9"));
    }

    [Test]
    public async Task Three_instances_sharing_the_storage_never_lease_the_same_delivery()
    {
        const int count = 60;
        var producer = Open();
        var taken = new ConcurrentBag<string>();
        var reserved = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var consuming = Enumerable.Range(0, 3).Select(_ => Open()).ToArray().Select(queue => Task.Run(async () =>
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
        Assert.That(await CountAsync(producer), Is.Zero);
    }

    /// <summary>Counts successes; fails as often as told.</summary>
    private sealed class FailingHandler : IJiraWebhookHandler
    {
        public int FailuresLeft;
        public int Handled;

        public Task HandleAsync(JiraWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref FailuresLeft) >= 0) throw new InvalidOperationException("downstream unavailable");
            Interlocked.Increment(ref Handled);
            return Task.CompletedTask;
        }
    }

    [Test]
    public async Task The_processor_retries_a_failure_and_handles_the_delivery_once_even_when_the_queue_hands_it_out_again()
    {
        var clock = new FakeTimeProvider(Now);
        var queue = Open(clock);
        var handler = new FailingHandler { FailuresLeft = 1 };
        var processor = new JiraWebhookQueueProcessor(queue, new MemoryWebhookDeliveryStore(timeProvider: clock), new[] { handler });
        await queue.TryEnqueueAsync(Delivery("DOCS-10"), default);

        await processor.ProcessAsync(await queue.DequeueAsync(default), default);
        Assert.That((handler.Handled, await CountAsync(queue)), Is.EqualTo((0, 1L)), "failed, and still owed");
        clock.Advance(TimeSpan.FromSeconds(1)); // the processor's first back-off
        var retry = await queue.DequeueAsync(default);
        await processor.ProcessAsync(retry, default);
        await processor.ProcessAsync(retry, default); // handed out twice (a lease ran out mid-way): not handled twice

        Assert.That((retry.Attempt, handler.Handled, await CountAsync(queue)), Is.EqualTo((1, 1, 0L)));
    }

    [Test]
    public async Task The_processor_moves_a_delivery_that_keeps_failing_to_the_dead_letters()
    {
        var clock = new FakeTimeProvider(Now);
        var queue = Open(clock, maxAttempts: 2);
        var handler = new FailingHandler { FailuresLeft = int.MaxValue };
        var processor = new JiraWebhookQueueProcessor(queue, new MemoryWebhookDeliveryStore(timeProvider: clock), new[] { handler });
        await queue.TryEnqueueAsync(Delivery("DOCS-11"), default);

        await processor.ProcessAsync(await queue.DequeueAsync(default), default);
        clock.Advance(TimeSpan.FromSeconds(1));
        await processor.ProcessAsync(await queue.DequeueAsync(default), default);

        Assert.That(await CountAsync(queue), Is.Zero);
        Assert.That((await queue.GetDeadLettersAsync()).Single().Delivery.Attempt, Is.EqualTo(2));
    }
}
