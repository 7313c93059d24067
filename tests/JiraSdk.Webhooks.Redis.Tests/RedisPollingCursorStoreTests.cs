using JiraSdk.Webhooks.Polling;

namespace JiraSdk.Webhooks.Redis.Tests;

public class RedisPollingCursorStoreTests
{
    [Test]
    public async Task A_saved_cursor_is_loaded_back_by_another_instance_exactly()
    {
        var prefix = RedisServer.NewPrefix();
        var writer = new RedisPollingCursorStore(RedisServer.Connection.GetDatabase(), prefix);
        var reader = new RedisPollingCursorStore(RedisServer.Connection.GetDatabase(), prefix);
        var watermark = new DateTimeOffset(2026, 11, 30, 4, 5, 6, 789, TimeSpan.FromHours(2));
        var cursor = new PollingCursor(watermark, new[] { new PolledIssueVersion("10001", watermark), new PolledIssueVersion("10002", watermark.AddSeconds(-30)) });

        Assert.That(await reader.LoadAsync("jql:project = DOCS", default), Is.Null);
        await writer.SaveAsync("jql:project = DOCS", cursor, default);
        var loaded = await reader.LoadAsync("jql:project = DOCS", default);

        Assert.That(loaded!.Watermark, Is.EqualTo(watermark));
        Assert.That(loaded.Watermark.Offset, Is.EqualTo(TimeSpan.FromHours(2)));
        Assert.That(loaded.Seen, Is.EqualTo(cursor.Seen));
    }

    [Test]
    public async Task A_value_that_is_not_a_cursor_is_a_format_error()
    {
        var prefix = RedisServer.NewPrefix();
        await RedisServer.Connection.GetDatabase().StringSetAsync(prefix + "k", "not json");
        var store = new RedisPollingCursorStore(RedisServer.Connection.GetDatabase(), prefix);

        Assert.That(async () => await store.LoadAsync("k", default), Throws.InstanceOf<FormatException>());
    }
}
