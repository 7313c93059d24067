using JiraSdk.Webhooks.QueueContract;
using Microsoft.Extensions.Time.Testing;

namespace JiraSdk.Webhooks.Sqlite.Tests;

/// <summary>The durable queue contract on a real SQLite file in a fresh temp folder, and what only a file can show: a restart.</summary>
public class SqliteWebhookDeliveryQueueTests : DurableDeliveryQueueContract<SqliteWebhookDeliveryQueue>
{
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

    protected override SqliteWebhookDeliveryQueue Open(TimeProvider? clock = null, int maxAttempts = 20, TimeSpan? visibility = null) =>
        Track(new SqliteWebhookDeliveryQueue(File, new SqliteWebhookDeliveryQueueOptions
        {
            MaxAttempts = maxAttempts,
            VisibilityTimeout = visibility ?? TimeSpan.FromMinutes(5),
            PollInterval = TimeSpan.FromMilliseconds(50),
        }, clock));

    protected override ValueTask<long> CountAsync(SqliteWebhookDeliveryQueue queue) => queue.CountAsync();

    private SqliteWebhookDeliveryQueue Track(SqliteWebhookDeliveryQueue queue)
    {
        _open.Add(queue);
        return queue;
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
        Assert.That((await after.DequeueAsync(default)).Key, Is.EqualTo("digest-DOCS-7"), "waiting: at once");
        clock.Advance(TimeSpan.FromMinutes(5));
        var recovered = await after.DequeueAsync(default);
        Assert.That((recovered.Key, recovered.Attempt), Is.EqualTo((inFlight.Key, 1)), "in flight: once its lease ran out");
        Assert.That(() => before.CountAsync().AsTask(), Throws.InstanceOf<ObjectDisposedException>());
    }

    [Test]
    public async Task A_full_queue_refuses_new_deliveries_but_still_accepts_a_copy_of_a_queued_one()
    {
        var queue = Track(new SqliteWebhookDeliveryQueue(File, new SqliteWebhookDeliveryQueueOptions { Capacity = 1 }));
        var queued = Delivery("DOCS-11");

        Assert.That(await queue.TryEnqueueAsync(queued, default), Is.True);
        Assert.That(await queue.TryEnqueueAsync(Delivery("DOCS-12"), default), Is.False);
        Assert.That(await queue.TryEnqueueAsync(queued, default), Is.True);
    }
}
