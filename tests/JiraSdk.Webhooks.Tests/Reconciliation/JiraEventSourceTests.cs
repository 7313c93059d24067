using System.Text;
using System.Text.Json;
using JiraSdk.Testing;
using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Parsing;
using JiraSdk.Webhooks.Polling;
using JiraSdk.Webhooks.Processing;
using JiraSdk.Webhooks.Reconciliation;
using Microsoft.Extensions.Time.Testing;

namespace JiraSdk.Webhooks.Tests.Reconciliation;

/// <summary>
/// <see cref="JiraEventSource"/> against the sandbox, on a fake clock shared with it: a change reaches the handlers once
/// whether a webhook, the reconciliation poll or both bring it. Deliveries here are the body Jira sends for an issue
/// version (the issue as GET returns it); <c>JiraEventSourceHostingTests</c> covers real deliveries.
/// </summary>
public class JiraEventSourceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private FakeTimeProvider _clock = null!;
    private JiraSandbox _sandbox = null!;
    private readonly JiraWebhookParser _parser = new();

    [SetUp]
    public async Task StartSandbox()
    {
        _clock = new FakeTimeProvider(Start);
        _sandbox = await JiraSandbox.StartAsync(new JiraSandboxOptions { TimeProvider = _clock, SeedDemoData = true });
        // Past the overlap of the first poll, so the demo data (written at Start) is not a change the tests see.
        _clock.Advance(TimeSpan.FromMinutes(10));
    }

    [TearDown]
    public async Task StopSandbox() => await _sandbox.DisposeAsync();

    /// <summary>Records each handled change as "kind key summary via flow".</summary>
    private sealed class Recorder : IJiraWebhookHandler
    {
        public List<string> Handled { get; } = new();
        public Func<Task>? During { get; set; }

        public async Task HandleAsync(JiraWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
        {
            if (During is { } during) await during();
            var kind = webhookEvent switch { IssueCreatedEvent => "created", IssueUpdatedEvent => "updated", _ => webhookEvent.WebhookEventName };
            var issue = webhookEvent.Raw.GetProperty("issue");
            lock (Handled) Handled.Add($"{kind} {issue.GetProperty("key").GetString()} {issue.GetProperty("fields").GetProperty("summary").GetString()} via {context.Flow}");
        }
    }

    private JiraEventSource Source(Recorder recorder, IWebhookDeliveryStore? changes = null, IPollingCursorStore? cursors = null) =>
        new(_sandbox.Client, new JiraEventSourceOptions
        {
            Reconciliation = new JqlPollingTriggerOptions { Jql = "project = DOCS", Fields = ["summary"], StartAt = _clock.GetUtcNow() },
        }, recorder, changes ?? new MemoryWebhookDeliveryStore(timeProvider: _clock), cursors, _clock);

    private async Task<string> CreateIssueAsync(string summary)
    {
        var created = await _sandbox.Client.V3.Issues.CreateIssueAsync(new JiraSdk.V3.IssueUpdateDetails
        {
            Fields = new Dictionary<string, object> { ["project"] = new { key = "DOCS" }, ["issuetype"] = new { name = "Task" }, ["summary"] = summary },
        });
        return created.Key!;
    }

    private Task RenameAsync(string key, string summary) =>
        _sandbox.Client.V3.Issues.EditIssueAsync(key, new JiraSdk.V3.IssueUpdateDetails { Fields = new Dictionary<string, object> { ["summary"] = summary } });

    /// <summary>What Jira delivers for the issue as it is now: the issue (as GET returns it) in a webhook envelope.</summary>
    private async Task<JiraWebhookEvent> DeliveryOfAsync(string key, string webhookEvent)
    {
        var query = new JiraSdk.Raw.JiraRequestOptions();
        query.Query["fields"] = "summary,created,updated";
        using var issue = (await _sandbox.Client.SendAsync(HttpMethod.Get, "rest/api/3/issue/" + key, query))!;
        var body = $$"""{"timestamp":{{_clock.GetUtcNow().ToUnixTimeMilliseconds()}},"webhookEvent":"{{webhookEvent}}","issue":{{issue.RootElement.GetRawText()}}}""";
        return _parser.Parse(Encoding.UTF8.GetBytes(body));
    }

    private static WebhookDeliveryContext Delivered(string id) => new(id, flow: "Primary");

    [Test]
    public async Task A_change_delivered_by_webhook_is_not_handled_again_by_reconciliation()
    {
        var recorder = new Recorder();
        var source = Source(recorder);
        var key = await CreateIssueAsync("Delivered");
        await source.HandleAsync(await DeliveryOfAsync(key, WebhookEventNames.IssueCreated), Delivered("d1"), default);

        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.That(await source.ReconcileOnceAsync(default), Is.EqualTo(1), "the poll sees the change (and skips it)");
        await source.ReconcileOnceAsync(default);

        Assert.That(recorder.Handled, Is.EqualTo(new[] { $"created {key} Delivered via Primary" }));
    }

    [Test]
    public async Task A_change_no_webhook_delivered_is_handled_once_by_reconciliation_and_its_late_webhook_is_skipped()
    {
        var recorder = new Recorder();
        var source = Source(recorder);
        var key = await CreateIssueAsync("Missed");
        _clock.Advance(TimeSpan.FromMinutes(1));
        await RenameAsync(key, "Missed twice");
        var lateDelivery = await DeliveryOfAsync(key, WebhookEventNames.IssueUpdated);

        _clock.Advance(TimeSpan.FromMinutes(5));
        await source.ReconcileOnceAsync(default);
        await source.ReconcileOnceAsync(default);
        // Jira's retry of the missed delivery arrives after all.
        await source.HandleAsync(lateDelivery, Delivered("late"), default);

        Assert.That(recorder.Handled, Is.EqualTo(new[] { $"created {key} Missed twice via Reconciliation" }),
            "the poll sees the latest version only, as a creation: it was created inside the window");
    }

    [Test]
    public async Task Each_new_version_is_a_change_of_its_own_on_either_path()
    {
        var recorder = new Recorder();
        var source = Source(recorder);
        var key = await CreateIssueAsync("v1");
        await source.HandleAsync(await DeliveryOfAsync(key, WebhookEventNames.IssueCreated), Delivered("d1"), default);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await source.ReconcileOnceAsync(default);

        await RenameAsync(key, "v2");
        _clock.Advance(TimeSpan.FromMinutes(5));
        await source.ReconcileOnceAsync(default);
        await RenameAsync(key, "v3");
        await source.HandleAsync(await DeliveryOfAsync(key, WebhookEventNames.IssueUpdated), Delivered("d3"), default);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await source.ReconcileOnceAsync(default);

        Assert.That(recorder.Handled, Is.EqualTo(new[]
        {
            $"created {key} v1 via Primary", $"updated {key} v2 via Reconciliation", $"updated {key} v3 via Primary",
        }));
    }

    [Test]
    public async Task A_second_delivery_of_a_version_a_delivery_handled_still_reaches_the_handlers()
    {
        // Only the poll's emissions are skipped by a delivery: two events Jira sends for one version are two deliveries.
        var recorder = new Recorder();
        var source = Source(recorder);
        var key = await CreateIssueAsync("Twice");
        await source.HandleAsync(await DeliveryOfAsync(key, WebhookEventNames.IssueCreated), Delivered("d1"), default);
        await source.HandleAsync(await DeliveryOfAsync(key, WebhookEventNames.IssueUpdated), Delivered("d2"), default);

        Assert.That(recorder.Handled, Is.EqualTo(new[] { $"created {key} Twice via Primary", $"updated {key} Twice via Primary" }));
    }

    [Test]
    public async Task While_a_delivery_is_handling_a_change_the_poll_retries_it_later_instead_of_handling_it_twice()
    {
        var recorder = new Recorder();
        var source = Source(recorder);
        var key = await CreateIssueAsync("Slow");
        var delivery = await DeliveryOfAsync(key, WebhookEventNames.IssueCreated);
        _clock.Advance(TimeSpan.FromMinutes(5));

        var release = new TaskCompletionSource();
        var entered = new TaskCompletionSource();
        recorder.During = async () =>
        {
            recorder.During = null;
            entered.SetResult();
            await release.Task;
        };
        var delivering = source.HandleAsync(delivery, Delivered("d1"), default);
        await entered.Task;
        Assert.That(async () => await source.ReconcileOnceAsync(default), Throws.Exception.With.Message.Contains("is being handled"));
        release.SetResult();
        await delivering;
        await source.ReconcileOnceAsync(default);

        Assert.That(recorder.Handled, Is.EqualTo(new[] { $"created {key} Slow via Primary" }));
    }

    [Test]
    public async Task A_failed_handler_on_the_reconciliation_path_leaves_the_change_to_the_next_poll_or_a_delivery()
    {
        var recorder = new Recorder();
        var source = Source(recorder);
        var key = await CreateIssueAsync("Flaky");
        _clock.Advance(TimeSpan.FromMinutes(5));
        recorder.During = () =>
        {
            recorder.During = null;
            throw new InvalidOperationException("handler down");
        };

        Assert.ThrowsAsync<InvalidOperationException>(() => source.ReconcileOnceAsync(default));
        await source.ReconcileOnceAsync(default);
        await source.HandleAsync(await DeliveryOfAsync(key, WebhookEventNames.IssueCreated), Delivered("d1"), default);

        Assert.That(recorder.Handled, Is.EqualTo(new[] { $"created {key} Flaky via Reconciliation" }));
    }

    [Test]
    public async Task A_restart_resumes_from_the_persisted_watermark()
    {
        using var directory = new TemporaryDirectory();
        var cursorFile = Path.Combine(directory.Path, "cursor.json");
        var recorder = new Recorder();
        var running = Source(recorder, cursors: new FilePollingCursorStore(cursorFile));
        var first = await CreateIssueAsync("Before the restart");
        _clock.Advance(TimeSpan.FromMinutes(5));
        await running.ReconcileOnceAsync(default);

        // Down for an hour; one change happens meanwhile, and the first issue is left alone.
        _clock.Advance(TimeSpan.FromHours(1));
        var second = await CreateIssueAsync("During the downtime");
        _clock.Advance(TimeSpan.FromMinutes(5));
        // A new process: fresh change store, the cursor file kept.
        var restarted = Source(recorder, cursors: new FilePollingCursorStore(cursorFile));
        await restarted.ReconcileOnceAsync(default);

        Assert.That(recorder.Handled, Is.EqualTo(new[]
        {
            $"created {first} Before the restart via Reconciliation", $"created {second} During the downtime via Reconciliation",
        }));
        using var stored = JsonDocument.Parse(File.ReadAllBytes(cursorFile));
        Assert.That(stored.RootElement.GetProperty("reconcile:project = DOCS").GetProperty("watermark").GetDateTimeOffset(),
            Is.EqualTo(Start.AddMinutes(75)), "the watermark is the newest change handled");
    }

    [Test]
    public async Task Events_that_name_no_issue_version_pass_straight_through()
    {
        var recorder = new Recorder();
        var source = Source(recorder);
        var key = await CreateIssueAsync("Deleted later");
        await source.HandleAsync(await DeliveryOfAsync(key, WebhookEventNames.IssueCreated), Delivered("d1"), default);
        // A deletion carries the last updated time of the issue: the same version, but not the same change.
        await source.HandleAsync(await DeliveryOfAsync(key, WebhookEventNames.IssueDeleted), Delivered("d2"), default);

        Assert.That(recorder.Handled, Is.EqualTo(new[] { $"created {key} Deleted later via Primary", $"jira:issue_deleted {key} Deleted later via Primary" }));
    }

    private sealed class TemporaryDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("jirasdk-reconcile-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
