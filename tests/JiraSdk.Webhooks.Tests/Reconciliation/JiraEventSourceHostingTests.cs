using System.Text.Json.Nodes;
using JiraSdk.Auth;
using JiraSdk.Raw;
using JiraSdk.Testing;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Polling;
using JiraSdk.Webhooks.Tests.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace JiraSdk.Webhooks.Tests.Reconciliation;

/// <summary>
/// <c>AddReconciliation</c> in a host: the sandbox delivers signed webhooks to <c>MapJiraWebhooks</c>, the reconciliation
/// hosted service polls on the fake clock, and the handlers see each change once: delivered, missed during downtime, and
/// after a restart from the persisted watermark.
/// </summary>
public class JiraEventSourceHostingTests
{
    private const string Secret = "reconciliation-test-secret";
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Deliveries_and_reconciliation_feed_the_handlers_each_change_once_across_downtime_and_restart()
    {
        var clock = new FakeTimeProvider(Start);
        await using var sandbox = await JiraSandbox.StartAsync(new JiraSandboxOptions { TimeProvider = clock, SeedDemoData = true });
        clock.Advance(TimeSpan.FromMinutes(10));
        var directory = Directory.CreateTempSubdirectory("jirasdk-hosting-").FullName;
        try
        {
            var cursorFile = Path.Combine(directory, "cursors.json");
            var handled = new List<string>();
            Task<WebhookServer> StartServerAsync() => WebhookServer.StartAsync(
                webhooks => webhooks
                    .On<IssueWebhookEvent>((e, context, _) =>
                    {
                        lock (handled) handled.Add($"{e.WebhookEventName} {e.Issue?.Key} via {context.Flow}");
                        return Task.CompletedTask;
                    })
                    .AddReconciliation(o => o.Reconciliation = new JqlPollingTriggerOptions { Jql = "project = DOCS", Fields = ["summary"], Interval = TimeSpan.FromMinutes(5) })
                    .UsePollingCursorStore(new FilePollingCursorStore(cursorFile)),
                options => options.Secrets.Add(Secret),
                services =>
                {
                    services.AddSingleton<TimeProvider>(clock);
                    services.AddJiraClient(o =>
                    {
                        o.SiteUrl = sandbox.SiteUrl;
                        o.Authentication = JiraAuthentication.Basic(sandbox.Credentials.Email, sandbox.Credentials.ApiToken);
                    });
                });
            async Task<DateTimeOffset?> WatermarkAsync() =>
                (await new FilePollingCursorStore(cursorFile).LoadAsync("reconcile:project = DOCS", default))?.Watermark;

            var server = await StartServerAsync();
            Assert.That(server.Services.GetServices<IHostedService>().Select(s => s.GetType().Name), Does.Contain("JiraReconciliationService"));
            await Eventually(async () => await WatermarkAsync() is not null, "the first reconciliation poll runs at start");

            var hook = await sandbox.Client.SendAsync(HttpMethod.Post, "rest/webhooks/1.0/webhook", new JiraRequestOptions().WithJsonBody(new JsonObject
            {
                ["name"] = "reconciliation test",
                ["url"] = server.Endpoint.AbsoluteUri,
                ["events"] = new JsonArray(WebhookEventNames.IssueCreated, WebhookEventNames.IssueUpdated),
                ["filters"] = new JsonObject { ["issue-related-events-section"] = "project = DOCS" },
                ["secret"] = Secret,
            }));
            var hookId = hook!.RootElement.GetProperty("self").GetString()!.Split('/')[^1];

            var delivered = await CreateIssueAsync(sandbox, "Delivered");
            var deliveredAt = clock.GetUtcNow();
            await Eventually(() => Task.FromResult(Count(handled) == 1), "the webhook delivers the creation");
            // The next reconciliation polls see the delivered change and skip it.
            await AdvanceUntil(clock, async () => await WatermarkAsync() == deliveredAt, "reconciliation reaches the delivered change");
            await AdvanceUntil(clock, async () => { await Task.Delay(20); return clock.GetUtcNow() >= deliveredAt.AddMinutes(11); }, "two more polls");

            // Downtime: the receiver is gone and the webhook with it; Jira changes on.
            await server.DisposeAsync();
            await sandbox.Client.SendAsync(HttpMethod.Delete, "rest/webhooks/1.0/webhook/" + hookId);
            clock.Advance(TimeSpan.FromMinutes(30));
            await sandbox.Client.V3.Issues.EditIssueAsync(delivered, new JiraSdk.V3.IssueUpdateDetails { Fields = new Dictionary<string, object> { ["summary"] = "Renamed while down" } });
            var missed = await CreateIssueAsync(sandbox, "Created while down");
            clock.Advance(TimeSpan.FromMinutes(30));

            // A new process resumes from the watermark in the cursor file, with a fresh delivery store.
            await using var restarted = await StartServerAsync();
            await Eventually(() => Task.FromResult(Count(handled) == 3), "reconciliation at start emits the missed changes");
            await AdvanceUntil(clock, async () => { await Task.Delay(20); return clock.GetUtcNow() >= Start.AddMinutes(90); }, "later polls");

            Assert.That(handled, Is.EqualTo(new[]
            {
                $"jira:issue_created {delivered} via Primary",
                $"jira:issue_updated {delivered} via Reconciliation",
                $"jira:issue_created {missed} via Reconciliation",
            }));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public async Task AddJqlPolling_runs_one_hosted_trigger_per_query_feeding_the_same_handlers()
    {
        var clock = new FakeTimeProvider(Start);
        await using var sandbox = await JiraSandbox.StartAsync(new JiraSandboxOptions { TimeProvider = clock, SeedDemoData = true });
        clock.Advance(TimeSpan.FromMinutes(10));
        var handled = new List<string>();
        await using var server = await WebhookServer.StartAsync(
            webhooks => webhooks
                .On<IssueWebhookEvent>((e, context, _) =>
                {
                    lock (handled) handled.Add($"{e.WebhookEventName} {e.Issue?.Key} via {context.Flow}");
                    return Task.CompletedTask;
                })
                .AddJqlPolling(o => { o.Jql = "project = DOCS AND summary ~ first"; o.Fields = ["summary"]; })
                .AddJqlPolling(o => { o.Jql = "project = DOCS AND summary ~ second"; o.Fields = ["summary"]; }),
            options => options.AllowUnsigned = true,
            services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddJiraClient(o =>
                {
                    o.SiteUrl = sandbox.SiteUrl;
                    o.Authentication = JiraAuthentication.Basic(sandbox.Credentials.Email, sandbox.Credentials.ApiToken);
                });
            });
        Assert.That(server.Services.GetServices<IHostedService>().Count(s => s.GetType().Name == "JqlPollingService"), Is.EqualTo(2));

        var first = await CreateIssueAsync(sandbox, "the first query");
        var second = await CreateIssueAsync(sandbox, "the second query");
        await AdvanceUntil(clock, () => Task.FromResult(Count(handled) == 2), "both triggers poll");
        await AdvanceUntil(clock, async () => { await Task.Delay(20); return clock.GetUtcNow() >= Start.AddMinutes(14); }, "more polls");

        Assert.That(handled, Is.EquivalentTo(new[] { $"jira:issue_created {first} via Polling", $"jira:issue_created {second} via Polling" }));
    }

    [Test]
    public void AddReconciliation_without_a_JiraClient_says_what_to_register()
    {
        var services = new ServiceCollection();
        services.AddJiraWebhooks(o => o.AllowUnsigned = true).AddReconciliation(o => o.Reconciliation.Jql = "project = DOCS");
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<JiraSdk.Webhooks.Reconciliation.JiraEventSource>())!;
        Assert.That(error.Message, Does.Contain("AddJiraClient"));
    }

    private static int Count(List<string> handled)
    {
        lock (handled) return handled.Count;
    }

    private static async Task<string> CreateIssueAsync(JiraSandbox sandbox, string summary) =>
        (await sandbox.Client.V3.Issues.CreateIssueAsync(new JiraSdk.V3.IssueUpdateDetails
        {
            Fields = new Dictionary<string, object> { ["project"] = new { key = "DOCS" }, ["issuetype"] = new { name = "Task" }, ["summary"] = summary },
        })).Key!;

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 500; i++)
        {
            if (await condition()) return;
            await Task.Delay(20);
        }
        Assert.Fail("Timed out waiting: " + what);
    }

    /// <summary>Moves the fake clock in 30-second steps (the hosted service arms its timer on its own thread) until the condition holds.</summary>
    private static async Task AdvanceUntil(FakeTimeProvider clock, Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition()) return;
            clock.Advance(TimeSpan.FromSeconds(30));
            await Task.Delay(20);
        }
        Assert.Fail("Timed out waiting: " + what);
    }
}
