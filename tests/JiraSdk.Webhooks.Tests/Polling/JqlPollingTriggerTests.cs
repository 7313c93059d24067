using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Polling;
using JiraSdk.Webhooks.Processing;
using Microsoft.Extensions.Time.Testing;

namespace JiraSdk.Webhooks.Tests.Polling;

public class JqlPollingTriggerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);

    private sealed class Recorder : IJiraWebhookHandler
    {
        public List<string> Emitted { get; } = new();
        public string? FailOnce { get; set; }

        public Task HandleAsync(JiraWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
        {
            var issue = ((IssueWebhookEvent)webhookEvent).Issue!;
            if (issue.Key == FailOnce)
            {
                FailOnce = null;
                throw new InvalidOperationException("handler down");
            }
            var kind = webhookEvent is IssueCreatedEvent ? "created" : "updated";
            Emitted.Add($"{kind}:{issue.Key}");
            return Task.CompletedTask;
        }
    }

    private JqlPollingTrigger Trigger(FakeJiraSearch jira, Recorder recorder, IPollingCursorStore? store = null, int pageSize = 2) =>
        new(jira.NewClient(), new JqlPollingTriggerOptions { Jql = "project = DOCS", PageSize = pageSize, Fields = ["summary"], StartAt = Start }, recorder, store, _clock);

    [Test]
    public async Task Emits_every_issue_once_across_pages_and_polls()
    {
        var jira = new FakeJiraSearch();
        for (var i = 1; i <= 7; i++) jira.Upsert(i.ToString(), Start.AddSeconds(10 * i), Start.AddSeconds(10 * i));
        var recorder = new Recorder();
        var trigger = Trigger(jira, recorder);

        Assert.That(await trigger.PollOnceAsync(default), Is.EqualTo(7));
        Assert.That(jira.RequestCount, Is.EqualTo(4), "7 issues in pages of 2");
        Assert.That(await trigger.PollOnceAsync(default), Is.Zero, "the overlapping window returns them again; none is repeated");
        Assert.That(recorder.Emitted, Is.EqualTo(Enumerable.Range(1, 7).Select(i => $"created:DOCS-{i}")));
    }

    [Test]
    public async Task Equal_timestamps_across_a_page_boundary_are_neither_missed_nor_repeated()
    {
        var jira = new FakeJiraSearch();
        var same = Start.AddSeconds(30);
        for (var i = 1; i <= 5; i++) jira.Upsert(i.ToString(), same, Start.AddDays(-1));
        var recorder = new Recorder();
        var trigger = Trigger(jira, recorder);

        await trigger.PollOnceAsync(default);
        // Another issue updated at the very same millisecond, found by a later poll.
        jira.Upsert("6", same, Start.AddDays(-1));
        await trigger.PollOnceAsync(default);
        // A real new update of an issue already seen.
        jira.Upsert("2", same.AddSeconds(5));
        await trigger.PollOnceAsync(default);

        Assert.That(recorder.Emitted, Is.EqualTo(new[]
        {
            "updated:DOCS-1", "updated:DOCS-2", "updated:DOCS-3", "updated:DOCS-4", "updated:DOCS-5", "updated:DOCS-6", "updated:DOCS-2",
        }));
    }

    [Test]
    public async Task An_issue_indexed_late_with_an_older_timestamp_inside_the_overlap_is_not_missed()
    {
        var jira = new FakeJiraSearch();
        jira.Upsert("1", Start.AddMinutes(3));
        var recorder = new Recorder();
        var trigger = Trigger(jira, recorder);
        await trigger.PollOnceAsync(default);

        jira.Upsert("2", Start.AddMinutes(2).AddSeconds(1), Start.AddDays(-2));
        await trigger.PollOnceAsync(default);

        Assert.That(recorder.Emitted, Is.EqualTo(new[] { "created:DOCS-1", "updated:DOCS-2" }));
    }

    [Test]
    public async Task After_a_handler_failure_the_next_poll_resumes_without_repeats()
    {
        var jira = new FakeJiraSearch();
        for (var i = 1; i <= 5; i++) jira.Upsert(i.ToString(), Start.AddSeconds(i));
        var recorder = new Recorder { FailOnce = "DOCS-3" };
        var trigger = Trigger(jira, recorder);

        Assert.ThrowsAsync<InvalidOperationException>(() => trigger.PollOnceAsync(default));
        await trigger.PollOnceAsync(default);

        Assert.That(recorder.Emitted, Is.EqualTo(Enumerable.Range(1, 5).Select(i => $"created:DOCS-{i}")));
    }

    [Test]
    public async Task The_cursor_store_carries_progress_across_restarts()
    {
        var jira = new FakeJiraSearch();
        for (var i = 1; i <= 3; i++) jira.Upsert(i.ToString(), Start.AddSeconds(i));
        var store = new InMemoryPollingCursorStore();
        var recorder = new Recorder();
        await Trigger(jira, recorder, store).PollOnceAsync(default);

        jira.Upsert("4", Start.AddSeconds(4));
        await Trigger(jira, recorder, store).PollOnceAsync(default);

        Assert.That(recorder.Emitted, Is.EqualTo(Enumerable.Range(1, 4).Select(i => $"created:DOCS-{i}")));
    }

    [Test]
    public async Task Sends_the_windowed_jql_ordered_by_updated_and_id_with_the_needed_fields()
    {
        var jira = new FakeJiraSearch();
        jira.Upsert("1", Start.AddMinutes(5).AddSeconds(42));
        var trigger = Trigger(jira, new Recorder());
        await trigger.PollOnceAsync(default);
        await trigger.PollOnceAsync(default);

        Assert.That(jira.Requests[0]["jql"]!.GetValue<string>(), Is.EqualTo("(project = DOCS) AND updated >= \"2026/11/01 07:58\" ORDER BY updated ASC, id ASC"));
        Assert.That(jira.Requests[1]["jql"]!.GetValue<string>(), Does.Contain("updated >= \"2026/11/01 08:03\""), "the window follows the newest update, 2 minutes back, floored");
        Assert.That(jira.Requests[0]["fields"]!.AsArray().Select(f => f!.GetValue<string>()), Is.EquivalentTo(new[] { "summary", "created", "updated" }));
    }

    [Test]
    public async Task RunAsync_polls_at_the_interval_of_the_injected_clock()
    {
        var jira = new FakeJiraSearch();
        var trigger = new JqlPollingTrigger(jira.NewClient(), new JqlPollingTriggerOptions { Jql = "project = DOCS", Interval = TimeSpan.FromMinutes(5) }, new Recorder(), timeProvider: _clock);
        using var stop = new CancellationTokenSource();

        var started = _clock.GetUtcNow();
        var running = trigger.RunAsync(stop.Token);
        await WaitUntil(() => jira.RequestCount == 1);
        _clock.Advance(TimeSpan.FromMinutes(4));
        await Task.Delay(50);
        Assert.That(jira.RequestCount, Is.EqualTo(1));
        // The trigger arms its timer on its own thread, so the clock moves in steps until the second poll comes.
        for (var i = 0; i < 1000 && jira.RequestCount < 2; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(15));
            await Task.Delay(5);
        }
        Assert.That(jira.RequestCount, Is.EqualTo(2));
        Assert.That(_clock.GetUtcNow() - started, Is.InRange(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(6)));
        stop.Cancel();
        await running;
    }

    [Test]
    public void Jql_with_its_own_order_is_refused() =>
        Assert.Throws<ArgumentException>(() => new JqlPollingTrigger(new FakeJiraSearch().NewClient(),
            new JqlPollingTriggerOptions { Jql = "project = DOCS order  by created" }, new Recorder()));

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++) await Task.Delay(10);
        Assert.That(condition(), Is.True);
    }
}
