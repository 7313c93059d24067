using System.Text;
using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Processing;
using JiraSdk.Webhooks.Queueing;
using Microsoft.Extensions.Time.Testing;

namespace JiraSdk.Webhooks.Tests.Queueing;

/// <summary>The in-memory queue keeps the queue contract; the processor outlives a failing queue.</summary>
public class QueueContractTests
{
    private static QueuedWebhookDelivery Delivery(string issueKey)
    {
        var body = Encoding.UTF8.GetBytes("""{"timestamp":1764400000000,"webhookEvent":"jira:issue_updated","issue":{"id":"1","key":""" + "\"" + issueKey + "\"" + ""","fields":{}}}""");
        return new QueuedWebhookDelivery(WebhookDeliveryKeys.Digest(body), body, new WebhookDeliveryContext("id-" + issueKey));
    }

    [Test]
    public async Task The_memory_queue_keeps_a_key_once_and_a_release_is_not_an_attempt()
    {
        var clock = new FakeTimeProvider();
        var queue = new MemoryWebhookDeliveryQueue(timeProvider: clock);
        var delivery = Delivery("DOCS-1");
        var copy = new QueuedWebhookDelivery(delivery.Key, delivery.Body, delivery.Context);

        Assert.That(new[] { await queue.TryEnqueueAsync(delivery, default), await queue.TryEnqueueAsync(copy, default) }, Has.All.True);
        Assert.That(queue.Count, Is.EqualTo(1));

        var leased = await queue.DequeueAsync(default);
        await queue.ReleaseAsync(leased, TimeSpan.FromSeconds(5), default);
        clock.Advance(TimeSpan.FromSeconds(5));
        var again = await queue.DequeueAsync(new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token);
        Assert.That(again.Attempt, Is.Zero);

        // The copy handed out before is stale now: retrying it changes nothing.
        Assert.That(await queue.RetryLaterAsync(leased, TimeSpan.Zero, default), Is.True);
        Assert.That(queue.Count, Is.EqualTo(1));
        Assert.That(async () => await queue.DequeueAsync(new CancellationTokenSource(TimeSpan.FromMilliseconds(200)).Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    /// <summary>A queue whose storage fails on the first dequeue, then works.</summary>
    private sealed class FlakyQueue(IWebhookDeliveryQueue inner) : IWebhookDeliveryQueue
    {
        private int _failuresLeft = 1;

        public ValueTask<bool> TryEnqueueAsync(QueuedWebhookDelivery delivery, CancellationToken cancellationToken) => inner.TryEnqueueAsync(delivery, cancellationToken);

        public ValueTask<QueuedWebhookDelivery> DequeueAsync(CancellationToken cancellationToken) =>
            Interlocked.Decrement(ref _failuresLeft) >= 0 ? throw new IOException("disk I/O error") : inner.DequeueAsync(cancellationToken);

        public ValueTask AcknowledgeAsync(QueuedWebhookDelivery delivery, CancellationToken cancellationToken) => inner.AcknowledgeAsync(delivery, cancellationToken);

        public ValueTask<bool> RetryLaterAsync(QueuedWebhookDelivery delivery, TimeSpan delay, CancellationToken cancellationToken) => inner.RetryLaterAsync(delivery, delay, cancellationToken);

        public ValueTask ReleaseAsync(QueuedWebhookDelivery delivery, TimeSpan delay, CancellationToken cancellationToken) => inner.ReleaseAsync(delivery, delay, cancellationToken);
    }

    private sealed class Handler : IJiraWebhookHandler
    {
        public TaskCompletionSource<string> Handled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task HandleAsync(JiraWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
        {
            Handled.TrySetResult(((IssueUpdatedEvent)webhookEvent).Issue!.Key!);
            return Task.CompletedTask;
        }
    }

    [Test]
    public async Task The_processor_keeps_running_when_the_queue_fails_and_then_processes()
    {
        var memory = new MemoryWebhookDeliveryQueue();
        var handler = new Handler();
        var processor = new JiraWebhookQueueProcessor(new FlakyQueue(memory), new MemoryWebhookDeliveryStore(), new[] { handler });
        await memory.TryEnqueueAsync(Delivery("DOCS-2"), default);
        using var stop = new CancellationTokenSource();

        var running = processor.RunAsync(stop.Token);

        Assert.That(await handler.Handled.Task.WaitAsync(TimeSpan.FromSeconds(10)), Is.EqualTo("DOCS-2"));
        stop.Cancel();
        await running.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(memory.Count, Is.Zero);
    }
}
