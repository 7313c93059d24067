using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Registration;

namespace JiraSdk.Webhooks.Tests.Registration;

public class AdminWebhookRegistrarTests
{
    private static AdminWebhookDefinition Definition(params string[] events) =>
        new("docs-automation", "https://app.example.com/jira/webhooks", events.Length > 0 ? events : [WebhookEventNames.IssueCreated, WebhookEventNames.IssueUpdated])
        {
            JqlFilter = "project = DOCS",
            Secret = "admin-secret",
        };

    [TestCase("Cloud", 1001, "rest/webhooks/1.0/webhook", AdminWebhookApi.WebhooksV1)]
    [TestCase("Server", 9, "rest/webhooks/1.0/webhook", AdminWebhookApi.WebhooksV1)]
    [TestCase("Server", 10, "rest/jira-webhook/1.0/webhooks", AdminWebhookApi.DataCenter10)]
    public async Task Two_starts_leave_exactly_one_webhook_on_the_api_serverInfo_calls_for(string deployment, int major, string path, AdminWebhookApi api)
    {
        var jira = new FakeJiraWebhooks(TimeProvider.System, deployment, major);

        var first = await new AdminWebhookRegistrar(jira.NewClient()).EnsureAsync(Definition());
        var second = await new AdminWebhookRegistrar(jira.NewClient()).EnsureAsync(Definition());

        Assert.That(first.Change, Is.EqualTo(AdminWebhookChange.Created));
        Assert.That(second.Change, Is.EqualTo(AdminWebhookChange.Unchanged));
        Assert.That(second.Id, Is.EqualTo(first.Id));
        Assert.That(first.Api, Is.EqualTo(api));
        Assert.That(jira.AdminWebhooks, Has.Count.EqualTo(1));
        Assert.That(jira.AdminWebhooks.Single().Value.Path, Is.EqualTo(path));
        Assert.That(jira.CallCount("POST"), Is.EqualTo(1));
    }

    [Test]
    public async Task The_1_0_api_gets_jql_in_filters_and_the_secret()
    {
        var jira = new FakeJiraWebhooks(TimeProvider.System);

        await new AdminWebhookRegistrar(jira.NewClient()).EnsureAsync(Definition());

        var body = jira.AdminWebhooks.Single().Value.Body;
        Assert.That(body["filters"]!["issue-related-events-section"]!.GetValue<string>(), Is.EqualTo("project = DOCS"));
        Assert.That(body["secret"]!.GetValue<string>(), Is.EqualTo("admin-secret"));
        Assert.That(body["excludeBody"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task Data_center_10_gets_jql_and_secret_in_configuration()
    {
        var jira = new FakeJiraWebhooks(TimeProvider.System, "Server", 10);

        await new AdminWebhookRegistrar(jira.NewClient()).EnsureAsync(Definition());

        var body = jira.AdminWebhooks.Single().Value.Body;
        Assert.That(body["configuration"]!["FILTERS"]!.GetValue<string>(), Is.EqualTo("project = DOCS"));
        Assert.That(body["configuration"]!["SECRET"]!.GetValue<string>(), Is.EqualTo("admin-secret"));
        Assert.That(body["active"]!.GetValue<bool>(), Is.True);
        Assert.That(body["filters"], Is.Null, "DC 10 ignores a top-level filters");
    }

    [TestCase("Cloud", 1001)]
    [TestCase("Server", 10)]
    public async Task Changed_events_update_the_existing_webhook_in_place(string deployment, int major)
    {
        var jira = new FakeJiraWebhooks(TimeProvider.System, deployment, major);
        var created = await new AdminWebhookRegistrar(jira.NewClient()).EnsureAsync(Definition());

        var updated = await new AdminWebhookRegistrar(jira.NewClient()).EnsureAsync(Definition(WebhookEventNames.IssueDeleted, WebhookEventNames.CommentCreated));

        Assert.That(updated.Change, Is.EqualTo(AdminWebhookChange.Updated));
        Assert.That(updated.Id, Is.EqualTo(created.Id));
        Assert.That(jira.AdminWebhooks, Has.Count.EqualTo(1));
        Assert.That(jira.AdminWebhooks.Single().Value.Body["events"]!.AsArray().Select(e => e!.GetValue<string>()),
            Is.EqualTo(new[] { WebhookEventNames.IssueDeleted, WebhookEventNames.CommentCreated }));
    }

    [Test]
    public async Task A_changed_filter_updates_and_duplicates_left_by_earlier_runs_are_removed()
    {
        var jira = new FakeJiraWebhooks(TimeProvider.System);
        var registrar = new AdminWebhookRegistrar(jira.NewClient());
        await registrar.EnsureAsync(Definition());
        // A duplicate made by hand (or by a registrar without this check).
        var client = jira.NewClient();
        using (var content = new StringContent("""{"name":"docs-automation","url":"https://app.example.com/jira/webhooks","events":["jira:issue_created"]}""", System.Text.Encoding.UTF8, "application/json"))
            (await client.PostAsync("rest/webhooks/1.0/webhook", content)).EnsureSuccessStatusCode();
        Assert.That(jira.AdminWebhooks, Has.Count.EqualTo(2));

        var definition = Definition();
        definition.JqlFilter = "project = DOCS AND status = \"On Hold\"";
        var result = await registrar.EnsureAsync(definition);

        Assert.That(result.Change, Is.EqualTo(AdminWebhookChange.Updated));
        Assert.That(jira.AdminWebhooks, Has.Count.EqualTo(1));
        Assert.That(jira.AdminWebhooks.Single().Value.Body["filters"]!["issue-related-events-section"]!.GetValue<string>(), Is.EqualTo(definition.JqlFilter));
    }

    [Test]
    public async Task Remove_deletes_the_webhook()
    {
        var jira = new FakeJiraWebhooks(TimeProvider.System);
        var registrar = new AdminWebhookRegistrar(jira.NewClient());
        await registrar.EnsureAsync(Definition());

        Assert.That(await registrar.RemoveAsync(Definition()), Is.EqualTo(1));
        Assert.That(jira.AdminWebhooks, Is.Empty);
    }

    [Test]
    public void Definition_text_never_shows_the_secret() =>
        Assert.That(Definition().ToString(), Does.Not.Contain("admin-secret"));
}
