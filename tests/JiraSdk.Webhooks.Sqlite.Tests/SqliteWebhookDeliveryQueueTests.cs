using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Processing;
using JiraSdk.Webhooks.Queueing;
using Microsoft.Extensions.Time.Testing;

namespace JiraSdk.Webhooks.Sqlite.Tests;

/// <summary>The queue's promises, on a real file: durable, leased, de-duplicated, retried, dead-lettered, shared.</summary>
public class SqliteWebhookDeliveryQueueTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private string _folder = null!;
    private readonly List<IDisposable> _open = new();

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("jirasdk-sqlite-queue-").FullName;

    [TearDown]
    public void DeleteFolder()
    {
        foreach (var queue in _open) queue.Dispose();
        _open.Clear();
        Directory.Delete(_folder, recursive: true);
    }

    private string File => Path.Combine(_folder, "queue", "deliveries.db");

    private SqliteWebhookDeliveryQueue Open(TimeProvider? clock = null, int maxAttempts = 20, TimeSpan? visibility = null)
    {
        var queue = new SqliteWebhookDeliveryQueue(File,
            new SqliteWebhookDeliveryQueueOptions { MaxAttempts = maxAttempts, VisibilityTimeout = visibility ?? TimeSpan.FromMinutes(5), PollInterval = TimeSpan.FromMilliseconds(50) },
            clock);
        _open.Add(queue);
        return queue;
    }

    private static byte[] IssueUpdated(string key) => Encoding.UTF8.GetBytes(
        """{"timestamp":1764400000000,"webhookEvent":"jira:issue_updated","issue":{"id":"1","key":""" + "\"" + key + "\"" + ""","fields":{}}}""");

    private static QueuedWebhookDelivery Delivery(string issueKey, string? deliveryId = null)
    {
        var body = IssueUpdated(issueKey);
        return new QueuedWebhookDelivery(Key(body), body, new WebhookDeliveryContext(deliveryId ?? "id-" + issueKey, 2, "Primary", "trace-1"));
    }

    /// <summary>The key the receiver queues a delivery under: its body's digest.</summary>
    internal static string Key(byte[] body) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>Nothing is due: a dequeue waits until cancelled (the token's clock is real, the queue's may be fake).</summary>
    private static void AssertNothingDue(SqliteWebhookDeliveryQueue queue) =>
        Assert.That(async () => await queue.DequeueAsync(new CancellationTokenSource(TimeSpan.FromMilliseconds(300)).Token),
            Throws.InstanceOf<OperationCanceledException>());

    [Test]
    public async Task Enqueued_deliveries_come_out_in_order_whole_and_are_gone_once_acknowledged()
    {
        var queue = Open();
        var first = Delivery("DOCS-1");
        Assert.That(await queue.TryEnqueueAsync(first, default), Is.True);
        Assert.That(await queue.TryEnqueueAsync(Delivery("DOCS-2"), default), Is.True);

        var out1 = await queue.DequeueAsync(default);
        var out2 = await queue.DequeueAsync(default);
        Assert.That((out1.Key, out2.Key), Is.EqualTo((first.Key, Delivery("DOCS-2").Key)));
        Assert.That(out1.Body.ToArray(), Is.EqualTo(first.Body.ToArray()));
        Assert.That((out1.Context.DeliveryId, out1.Context.RetryCount, out1.Context.Flow, out1.Context.Trace, out1.Attempt),
            Is.EqualTo(("id-DOCS-1", 2, "Primary", "trace-1", 0)));
        Assert.That(out1.Receipt, Is.Not.Null.And.Not.EqualTo(out2.Receipt));

        await queue.AcknowledgeAsync(out1, default);
        await queue.AcknowledgeAsync(out2, default);
        Assert.That(await queue.CountAsync(), Is.Zero);
        AssertNothingDue(queue);
    }

    [Test]
    public async Task The_same_delivery_enqueued_twice_by_body_digest_or_by_identifier_is_kept_once()
    {
        var queue = Open();
        var delivery = Delivery("DOCS-3", "d-3");
        var sameBodyOtherId = new QueuedWebhookDelivery(delivery.Key, delivery.Body, new WebhookDeliveryContext("replayed-id"));
        var sameIdOtherBody = Delivery("DOCS-OTHER", "d-3");

        var answers = new[]
        {
            await queue.TryEnqueueAsync(delivery, default),
            await queue.TryEnqueueAsync(delivery, default),
            await queue.TryEnqueueAsync(sameBodyOtherId, default),
            await queue.TryEnqueueAsync(sameIdOtherBody, default),
        };

        Assert.That(answers, Has.All.True, "a duplicate is queued (once), so the receiver may acknowledge it");
        Assert.That(await queue.CountAsync(), Is.EqualTo(1));
        Assert.That((await queue.DequeueAsync(default)).Context.DeliveryId, Is.EqualTo("d-3"));
        // While it is leased, a redelivery is still the same delivery.
        Assert.That(await queue.TryEnqueueAsync(delivery, default), Is.True);
        Assert.That(await queue.CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_lease_that_runs_out_without_an_answer_brings_the_delivery_back_and_the_stale_holder_cannot_touch_it()
    {
        var clock = new FakeTimeProvider(Now);
        var queue = Open(clock, visibility: TimeSpan.FromMinutes(1));
        await queue.TryEnqueueAsync(Delivery("DOCS-4"), default);

        var crashed = await queue.DequeueAsync(default);
        AssertNothingDue(queue);
        clock.Advance(TimeSpan.FromSeconds(59));
        AssertNothingDue(queue);
        clock.Advance(TimeSpan.FromSeconds(1));
        var again = await queue.DequeueAsync(default);

        Assert.That(again.Key, Is.EqualTo(crashed.Key));
        Assert.That(again.Attempt, Is.EqualTo(1), "a lease that ran out counts as a failed attempt");
        Assert.That(again.Receipt, Is.Not.EqualTo(crashed.Receipt));

        // The first holder wakes up late: its retry and release change nothing, the new lease holds.
        Assert.That(await queue.RetryLaterAsync(crashed, TimeSpan.Zero, default), Is.True);
        await queue.ReleaseAsync(crashed, TimeSpan.Zero, default);
        AssertNothingDue(queue);
        // Its acknowledgement does count: the delivery was processed, whoever holds the lease.
        await queue.AcknowledgeAsync(crashed, default);
        Assert.That(await queue.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Closing_and_reopening_the_file_keeps_every_unacknowledged_delivery()
    {
        var clock = new FakeTimeProvider(Now);
        var before = Open(clock);
        await before.TryEnqueueAsync(Delivery("DOCS-5"), default);
        await before.TryEnqueueAsync(Delivery("DOCS-6"), default);
        await before.TryEnqueueAsync(Delivery("DOCS-7"), default);
        await before.AcknowledgeAsync(await before.DequeueAsync(default), default);
        var inFlight = await before.DequeueAsync(default);
        before.Dispose(); // the process stops while DOCS-6 is being processed and DOCS-7 waits

        var after = Open(clock);
        Assert.That(await after.CountAsync(), Is.EqualTo(2));
        Assert.That((await after.DequeueAsync(default)).Key, Is.EqualTo(Delivery("DOCS-7").Key), "waiting: at once");
        clock.Advance(TimeSpan.FromMinutes(5));
        var recovered = await after.DequeueAsync(default);
        Assert.That((recovered.Key, recovered.Attempt), Is.EqualTo((inFlight.Key, 1)), "in flight: once its lease ran out");
        Assert.That(() => before.CountAsync().AsTask(), Throws.InstanceOf<ObjectDisposedException>());
    }

    [Test]
    public async Task Failures_come_back_after_their_delay_until_the_attempt_limit_then_wait_in_the_dead_letters()
    {
        var clock = new FakeTimeProvider(Now);
        var queue = Open(clock, maxAttempts: 3);
        var delivery = Delivery("DOCS-8", "d-8");
        await queue.TryEnqueueAsync(delivery, default);

        var attempts = new List<int>();
        var answers = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            var leased = await queue.DequeueAsync(default);
            attempts.Add(leased.Attempt);
            answers.Add(await queue.RetryLaterAsync(leased, TimeSpan.FromSeconds(10), default));
            if (i < 2)
            {
                AssertNothingDue(queue);
                clock.Advance(TimeSpan.FromSeconds(10));
            }
        }

        Assert.That(attempts, Is.EqualTo(new[] { 0, 1, 2 }));
        Assert.That(answers, Is.EqualTo(new[] { true, true, false }), "the third failure is the last");
        Assert.That(await queue.CountAsync(), Is.Zero);
        var letters = await queue.GetDeadLettersAsync();
        Assert.That(letters, Has.Count.EqualTo(1));
        Assert.That((letters[0].Delivery.Key, letters[0].Delivery.Attempt, letters[0].Delivery.Context.DeliveryId), Is.EqualTo((delivery.Key, 3, "d-8")));
        Assert.That(letters[0].Delivery.Body.ToArray(), Is.EqualTo(delivery.Body.ToArray()));
        Assert.That((letters[0].EnqueuedAt, letters[0].DeadLetteredAt), Is.EqualTo((Now, Now.AddSeconds(20))));

        // Once the cause is fixed, an operator puts it back with a fresh attempt count.
        Assert.That(await queue.RequeueDeadLetterAsync(delivery.Key), Is.True);
        Assert.That(await queue.RequeueDeadLetterAsync(delivery.Key), Is.False);
        var requeued = await queue.DequeueAsync(default);
        Assert.That((requeued.Key, requeued.Attempt), Is.EqualTo((delivery.Key, 0)));
        Assert.That(await queue.GetDeadLettersAsync(), Is.Empty);
    }

    [Test]
    public async Task A_delivery_whose_leases_keep_running_out_ends_in_the_dead_letters_and_can_be_deleted()
    {
        var clock = new FakeTimeProvider(Now);
        var queue = Open(clock, maxAttempts: 2, visibility: TimeSpan.FromSeconds(30));
        var delivery = Delivery("DOCS-9");
        await queue.TryEnqueueAsync(delivery, default);

        await queue.DequeueAsync(default); // crashes its processor
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.That((await queue.DequeueAsync(default)).Attempt, Is.EqualTo(1)); // and again
        clock.Advance(TimeSpan.FromSeconds(30));
        AssertNothingDue(queue);

        Assert.That((await queue.GetDeadLettersAsync()).Select(l => l.Delivery.Attempt), Is.EqualTo(new[] { 2 }));
        Assert.That(await queue.DeleteDeadLetterAsync(delivery.Key), Is.True);
        Assert.That(await queue.GetDeadLettersAsync(), Is.Empty);
    }

    [Test]
    public async Task A_release_hands_the_delivery_back_without_counting_an_attempt()
    {
        var clock = new FakeTimeProvider(Now);
        var queue = Open(clock, maxAttempts: 1);
        await queue.TryEnqueueAsync(Delivery("DOCS-10"), default);

        await queue.ReleaseAsync(await queue.DequeueAsync(default), TimeSpan.FromSeconds(5), default);
        AssertNothingDue(queue);
        clock.Advance(TimeSpan.FromSeconds(5));
        var again = await queue.DequeueAsync(default);

        Assert.That(again.Attempt, Is.Zero);
        Assert.That(await queue.GetDeadLettersAsync(), Is.Empty);
    }

    [Test]
    public async Task A_full_queue_refuses_new_deliveries_but_still_accepts_a_copy_of_a_queued_one()
    {
        var queue = new SqliteWebhookDeliveryQueue(File, new SqliteWebhookDeliveryQueueOptions { Capacity = 1 });
        _open.Add(queue);
        var queued = Delivery("DOCS-11");

        Assert.That(await queue.TryEnqueueAsync(queued, default), Is.True);
        Assert.That(await queue.TryEnqueueAsync(Delivery("DOCS-12"), default), Is.False);
        Assert.That(await queue.TryEnqueueAsync(queued, default), Is.True);
    }

    [Test]
    public async Task A_waiting_dequeue_wakes_when_a_delivery_arrives()
    {
        var queue = Open();
        var waiting = queue.DequeueAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token).AsTask();
        await Task.Delay(100);
        Assert.That(waiting.IsCompleted, Is.False);

        await queue.TryEnqueueAsync(Delivery("DOCS-13"), default);

        Assert.That((await waiting).Key, Is.EqualTo(Delivery("DOCS-13").Key));
    }

    [Test]
    public async Task Two_queue_instances_on_one_file_never_lease_the_same_delivery()
    {
        const int count = 60;
        var producer = Open();
        var workers = new[] { Open(), Open() };
        var taken = new ConcurrentBag<string>();
        var reserved = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var consuming = workers.Select(queue => Task.Run(async () =>
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
        await queue.TryEnqueueAsync(Delivery("DOCS-14"), default);

        await processor.ProcessAsync(await queue.DequeueAsync(default), default);
        Assert.That((handler.Handled, await queue.CountAsync()), Is.EqualTo((0, 1)), "failed, and still owed");
        clock.Advance(TimeSpan.FromSeconds(1)); // the processor's first back-off
        var retry = await queue.DequeueAsync(default);
        await processor.ProcessAsync(retry, default);
        await processor.ProcessAsync(retry, default); // handed out twice (a lease ran out mid-way): not handled twice

        Assert.That((retry.Attempt, handler.Handled, await queue.CountAsync()), Is.EqualTo((1, 1, 0)));
    }

    [Test]
    public async Task The_processor_moves_a_delivery_that_keeps_failing_to_the_dead_letters()
    {
        var clock = new FakeTimeProvider(Now);
        var queue = Open(clock, maxAttempts: 2);
        var handler = new FailingHandler { FailuresLeft = int.MaxValue };
        var processor = new JiraWebhookQueueProcessor(queue, new MemoryWebhookDeliveryStore(timeProvider: clock), new[] { handler });
        await queue.TryEnqueueAsync(Delivery("DOCS-15"), default);

        await processor.ProcessAsync(await queue.DequeueAsync(default), default);
        clock.Advance(TimeSpan.FromSeconds(1));
        await processor.ProcessAsync(await queue.DequeueAsync(default), default);

        Assert.That(await queue.CountAsync(), Is.Zero);
        Assert.That((await queue.GetDeadLettersAsync()).Single().Delivery.Attempt, Is.EqualTo(2));
    }
}
