using JiraSdk.Testing;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Polling;
using JiraSdk.Webhooks.Processing;
using Microsoft.Extensions.Time.Testing;

namespace JiraSdk.Webhooks.Tests.Polling;

/// <summary>The trigger against the sandbox, through JiraClient: Cloud's token-paged /search/jql and Data Center's offset-paged /search.</summary>
public class JqlPollingTriggerSandboxTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    [TestCase(JiraSandboxMode.Cloud, JqlSearchEndpoint.SearchJqlV3)]
    [TestCase(JiraSandboxMode.Cloud, JqlSearchEndpoint.SearchJqlV2)]
    [TestCase(JiraSandboxMode.DataCenter, JqlSearchEndpoint.DataCenterSearch)]
    public async Task Emits_each_issue_version_once_across_pages_through_the_clients_search(JiraSandboxMode mode, JqlSearchEndpoint endpoint)
    {
        var clock = new FakeTimeProvider(Start);
        await using var sandbox = await JiraSandbox.StartAsync(new JiraSandboxOptions { Mode = mode, TimeProvider = clock, SeedDemoData = true });
        clock.Advance(TimeSpan.FromMinutes(10));
        var events = new List<string>();
        var handler = new DelegateWebhookHandler().On<IssueWebhookEvent>((e, context, _) =>
        {
            events.Add($"{(e is IssueCreatedEvent ? "created" : "updated")} {e.Issue?.Key} {context.Flow}");
            return Task.CompletedTask;
        });
        var trigger = new JqlPollingTrigger(sandbox.Client,
            new JqlPollingTriggerOptions { Jql = "project = DOCS", PageSize = 2, Fields = ["summary"], Endpoint = endpoint }, handler, timeProvider: clock);
        Assert.That(await trigger.PollOnceAsync(default), Is.Zero, "the demo data is older than the window");

        var keys = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(10));
            keys.Add(sandbox.Seed.AddIssue(new SandboxIssueSeed { ProjectKey = "DOCS", Summary = "Polled " + i }).Key);
        }
        Assert.That(await trigger.PollOnceAsync(default), Is.EqualTo(5), "five issues in pages of two");
        Assert.That(await trigger.PollOnceAsync(default), Is.Zero);

        Assert.That(events, Is.EqualTo(keys.Select(k => $"created {k} Polling")));
    }
}
