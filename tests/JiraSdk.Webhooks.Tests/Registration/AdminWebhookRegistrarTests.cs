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
        var jira = new FakeJiraWebhooks(deployment, major);

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
        var jira = new FakeJiraWebhooks();

        await new AdminWebhookRegistrar(jira.NewClient()).EnsureAsync(Definition());

        var body = jira.AdminWebhooks.Single().Value.Body;
        Assert.That(body["filters"]!["issue-related-events-section"]!.GetValue<string>(), Is.EqualTo("project = DOCS"));
        Assert.That(body["secret"]!.GetValue<string>(), Is.EqualTo("admin-secret"));
        Assert.That(body["excludeBody"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task Data_center_10_gets_jql_and_secret_in_configuration()
    {
        var jira = new FakeJiraWebhooks("Server", 10);

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
        var jira = new FakeJiraWebhooks(deployment, major);
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
        var jira = new FakeJiraWebhooks();
        var registrar = new AdminWebhookRegistrar(jira.NewClient());
        await registrar.EnsureAsync(Definition());
        // A duplicate made by hand (or by a registrar without this check).
        var client = jira.NewHttpClient();
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
        var jira = new FakeJiraWebhooks();
        var registrar = new AdminWebhookRegistrar(jira.NewClient());
        await registrar.EnsureAsync(Definition());

        Assert.That(await registrar.RemoveAsync(Definition()), Is.EqualTo(1));
        Assert.That(jira.AdminWebhooks, Is.Empty);
    }

    [Test]
    public void Definition_text_never_shows_the_secret() =>
        Assert.That(Definition().ToString(), Does.Not.Contain("admin-secret"));
}

/// <summary>The admin registrar through JiraClient's pipeline against the sandbox (Cloud: <c>/rest/webhooks/1.0/webhook</c>).</summary>
public class AdminWebhookRegistrarSandboxTests
{
    private const string Url = "http://127.0.0.1:9/jira/webhooks";

    [Test]
    public async Task Registering_the_same_url_again_returns_the_existing_webhook_instead_of_a_second()
    {
        await using var sandbox = await JiraSdk.Testing.JiraSandbox.StartAsync();
        var registrar = new AdminWebhookRegistrar(sandbox.Client);

        var first = await registrar.EnsureAsync(new AdminWebhookDefinition("docs-bot", Url, [WebhookEventNames.IssueCreated]) { JqlFilter = "project = DOCS" });
        var same = await new AdminWebhookRegistrar(sandbox.Client).EnsureAsync(new AdminWebhookDefinition("docs-bot", Url, [WebhookEventNames.IssueCreated]) { JqlFilter = "project = DOCS" });
        var renamed = await registrar.EnsureAsync(new AdminWebhookDefinition("docs-bot-v2", Url + "/", [WebhookEventNames.IssueCreated, WebhookEventNames.IssueUpdated]));

        Assert.That((first.Change, same.Change, renamed.Change), Is.EqualTo((AdminWebhookChange.Created, AdminWebhookChange.Unchanged, AdminWebhookChange.Updated)));
        Assert.That(new[] { same.Id, renamed.Id }, Is.All.EqualTo(first.Id));
        var listed = await registrar.ListAsync();
        Assert.That(listed, Has.Count.EqualTo(1), "one webhook per URL");
        Assert.That((listed[0].Name, listed[0].Events.Count), Is.EqualTo(("docs-bot-v2", 2)));
    }

    [Test]
    public async Task A_url_held_by_several_webhooks_ends_with_one()
    {
        await using var sandbox = await JiraSdk.Testing.JiraSandbox.StartAsync();
        var registrar = new AdminWebhookRegistrar(sandbox.Client);
        await registrar.EnsureAsync(new AdminWebhookDefinition("made-by-hand-1", Url, [WebhookEventNames.IssueCreated]));
        await registrar.EnsureAsync(new AdminWebhookDefinition("made-by-hand-2", "http://127.0.0.1:9/elsewhere", [WebhookEventNames.IssueCreated]));

        // Its name matches the second, its URL the first: it keeps one and removes the other.
        var result = await registrar.EnsureAsync(new AdminWebhookDefinition("made-by-hand-2", Url, [WebhookEventNames.IssueCreated]));

        var listed = await registrar.ListAsync();
        Assert.That(listed.Select(w => (w.Id, w.Name, w.Url)), Is.EqualTo(new[] { (result.Id, "made-by-hand-2", Url) }));
    }

    [Test]
    public async Task Jira_refusing_the_registration_raises_the_pipelines_typed_error_and_creates_nothing()
    {
        await using var sandbox = await JiraSdk.Testing.JiraSandbox.StartAsync();
        var registrar = new AdminWebhookRegistrar(sandbox.Client);

        var e = Assert.ThrowsAsync<JiraSdk.Errors.JiraBadRequestException>(() =>
            registrar.EnsureAsync(new AdminWebhookDefinition("bad-jql", Url, [WebhookEventNames.IssueCreated]) { JqlFilter = "project = = DOCS" }))!;

        Assert.That(e.StatusCode, Is.EqualTo(400));
        Assert.That(await registrar.ListAsync(), Is.Empty);
    }

    [Test]
    public async Task Delete_and_list_go_through_the_registrar()
    {
        await using var sandbox = await JiraSdk.Testing.JiraSandbox.StartAsync();
        var registrar = new AdminWebhookRegistrar(sandbox.Client);
        var created = await registrar.EnsureAsync(new AdminWebhookDefinition("to-delete", Url, [WebhookEventNames.IssueCreated]));

        await registrar.DeleteAsync(created.Id);

        Assert.That(await registrar.ListAsync(), Is.Empty);
        Assert.ThrowsAsync<JiraSdk.Errors.JiraNotFoundException>(() => registrar.DeleteAsync(created.Id));
    }
}
