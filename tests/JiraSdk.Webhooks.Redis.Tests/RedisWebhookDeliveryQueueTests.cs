using System.Collections.Concurrent;
using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Processing;
using JiraSdk.Webhooks.Queueing;
using JiraSdk.Webhooks.QueueContract;

namespace JiraSdk.Webhooks.Redis.Tests;

/// <summary>The durable queue contract against a real redis-server (a fresh key prefix per test), and processors on several instances.</summary>
public class RedisWebhookDeliveryQueueTests : DurableDeliveryQueueContract<RedisWebhookDeliveryQueue>
{
    private string _prefix = null!;

    [SetUp]
    public void NewPrefix() => _prefix = "{" + RedisServer.NewPrefix() + "}";

    protected override RedisWebhookDeliveryQueue Open(TimeProvider? clock = null, int maxAttempts = 20, TimeSpan? visibility = null) =>
        new(RedisServer.Connection.GetDatabase(), new RedisWebhookDeliveryQueueOptions
        {
            KeyPrefix = _prefix,
            MaxAttempts = maxAttempts,
            VisibilityTimeout = visibility ?? TimeSpan.FromMinutes(5),
            PollInterval = TimeSpan.FromMilliseconds(50),
        }, clock);

    protected override ValueTask<long> CountAsync(RedisWebhookDeliveryQueue queue) => queue.CountAsync();

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
        var store = new RedisWebhookDeliveryStore(RedisServer.Connection.GetDatabase(), new RedisWebhookDeliveryStoreOptions { KeyPrefix = _prefix + "store:" });
        var handler = new Handler();
        using var stop = new CancellationTokenSource();
        var processors = Enumerable.Range(0, 2)
            .Select(_ => new JiraWebhookQueueProcessor(Open(), store, new[] { handler }).RunAsync(stop.Token)).ToArray();

        var producer = Open();
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
