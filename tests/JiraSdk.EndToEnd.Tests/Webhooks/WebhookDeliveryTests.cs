using System.Text;
using DocsReminder.Trigger;
using JiraSdk.Testing;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Polling;
using JiraSdk.Webhooks.Processing;
using JiraSdk.Webhooks.Registration;

namespace JiraSdk.EndToEnd.Tests.Webhooks;

/// <summary>
/// The SDK's webhook path against the sandbox: the registrar registers a signed admin webhook, the sandbox delivers,
/// <c>MapJiraWebhooks</c> verifies and parses; and the polling trigger finds the same changes without a webhook.
/// </summary>
public class WebhookDeliveryTests : SandboxFixture
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private Task<string> CreateIssueAsync(string summary) => Sandbox.Client.V3.Issues.CreateIssueAsync(new JiraSdk.V3.IssueUpdateDetails
    {
        Fields = new Dictionary<string, object> { ["project"] = new { key = "DOCS" }, ["issuetype"] = new { name = "Task" }, ["summary"] = summary },
    }).ContinueWith(t => t.Result.Key!, TaskScheduler.Default);

    private static async Task<T> NextAsync<T>(WebhookReceiverHost receiver, Func<T, bool> wanted) where T : JiraWebhookEvent
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (true)
            if (await receiver.Events.ReadAsync(timeout.Token) is T e && wanted(e)) return e;
    }

    [Test]
    public async Task A_registered_signed_webhook_delivers_verified_typed_events_for_changes()
    {
        const string secret = "an-end-to-end-secret";
        await using var receiver = await WebhookReceiverHost.StartAsync(secret, 0, CancellationToken.None);
        var registrar = new AdminWebhookRegistrar(Sandbox.Client);
        var definition = new AdminWebhookDefinition("e2e-deliveries", receiver.Url.AbsoluteUri, [WebhookEventNames.IssueCreated, WebhookEventNames.IssueUpdated])
        {
            JqlFilter = "project = DOCS",
            Secret = secret,
        };
        var registration = await registrar.EnsureAsync(definition);
        Assert.That(registration.Change, Is.EqualTo(AdminWebhookChange.Created));
        Assert.That((await registrar.EnsureAsync(definition)).Change, Is.EqualTo(AdminWebhookChange.Unchanged), "registering again finds it by name");
        try
        {
            var key = await CreateIssueAsync("Delivered by webhook");
            var created = await NextAsync<IssueCreatedEvent>(receiver, e => e.Issue?.Key == key);
            Assert.That(created.Issue!.Fields!.Summary, Is.EqualTo("Delivered by webhook"));

            await Sandbox.Client.V3.Issues.EditIssueAsync(key, new JiraSdk.V3.IssueUpdateDetails { Fields = new Dictionary<string, object> { ["summary"] = "Renamed" } });
            var updated = await NextAsync<IssueUpdatedEvent>(receiver, e => e.Issue?.Key == key);
            Assert.That(updated.Changelog?.Items?.Select(i => i.Field), Does.Contain("summary"));
        }
        finally
        {
            Assert.That(await registrar.RemoveAsync(definition), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task A_delivery_signed_with_another_secret_is_refused_and_never_reaches_the_handlers()
    {
        await using var receiver = await WebhookReceiverHost.StartAsync("the-real-secret", 0, CancellationToken.None);
        using var http = new HttpClient();
        var body = """{"webhookEvent":"jira:issue_created","timestamp":1,"issue":{"id":"1","key":"DOCS-999","fields":{}}}""";
        using var forged = new HttpRequestMessage(HttpMethod.Post, receiver.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes("another-secret"));
        forged.Headers.Add("X-Hub-Signature", "sha256=" + Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(body))).ToLowerInvariant());

        using var response = await http.SendAsync(forged);

        Assert.That((int)response.StatusCode, Is.EqualTo(401));
        Assert.That(receiver.Events.TryRead(out _), Is.False);
    }

    [Test]
    public async Task The_polling_trigger_emits_a_new_issue_once()
    {
        var events = new List<JiraWebhookEvent>();
        var handler = new DelegateWebhookHandler().On<JiraWebhookEvent>((e, _, _) =>
        {
            events.Add(e);
            return Task.CompletedTask;
        });
        var trigger = new JqlPollingTrigger(Sandbox.Client,
            new JqlPollingTriggerOptions { Jql = "project = DOCS", StartAt = DateTimeOffset.UtcNow.AddMinutes(-1), Fields = ["summary", "status"] }, handler);
        await trigger.PollOnceAsync(CancellationToken.None);
        var before = events.Count;

        var key = await CreateIssueAsync("Found by polling");
        await trigger.PollOnceAsync(CancellationToken.None);
        await trigger.PollOnceAsync(CancellationToken.None);

        var found = events.Skip(before).OfType<IssueWebhookEvent>().Where(e => e.Issue?.Key == key).ToList();
        Assert.That(found, Has.Count.EqualTo(1), "emitted once, however often it polls");
        Assert.That(found[0], Is.InstanceOf<IssueCreatedEvent>());
        Assert.That(found[0].Issue!.Fields!.Summary, Is.EqualTo("Found by polling"));
    }
}
