using System.Text.Json;
using DocsReminder.Trigger;
using JiraSdk.Cli.Tests.Support;
using JiraSdk.Testing;
using JiraSdk.Webhooks.Events;

namespace JiraSdk.EndToEnd.Tests.Cli;

/// <summary>The <c>jira</c> commands, run in-process, against a sandbox; each result is checked through the sandbox's own client.</summary>
public class CliCommandsTests : SandboxFixture
{
    private CliHarness _cli = null!;

    [SetUp]
    public void SignIn()
    {
        _cli = new CliHarness();
        _cli.Environment["JIRA_URL"] = Sandbox.SiteUrl.AbsoluteUri;
        _cli.Environment["JIRA_EMAIL"] = Sandbox.Credentials.Email;
        _cli.Environment["JIRA_API_TOKEN"] = Sandbox.Credentials.ApiToken;
    }

    [TearDown]
    public void Dispose() => _cli.Dispose();

    [Test]
    public async Task Search_prints_exactly_the_issues_the_jql_selects()
    {
        const string jql = "project = DOCS AND status in (\"On Hold\", \"Ready to Publish\") ORDER BY key ASC";
        var expected = new List<string>();
        await foreach (var issue in Sandbox.Client.V3.SearchIssuesAsync(jql, ["summary"])) expected.Add(issue.Key!);

        var run = await _cli.RunAsync("search", jql, "--json");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var keys = JsonDocument.Parse(run.Out).RootElement.EnumerateArray().Select(issue => issue.GetProperty("key").GetString()).ToList();
        Assert.That(expected, Is.Not.Empty, "the demo data has docs tickets on hold or ready to publish");
        Assert.That(keys, Is.EqualTo(expected));
    }

    [Test]
    public async Task Issue_create_get_transition_and_comment_change_theSandbox()
    {
        var created = await _cli.RunAsync("issue", "create", "--project", "DOCS", "--type", "Task", "--summary", "Made by the CLI end-to-end test");
        Assert.That(created.ExitCode, Is.Zero, created.ToString());
        var key = created.Out.Trim();

        var get = await _cli.RunAsync("issue", "get", key);
        Assert.That(get.ExitCode, Is.Zero, get.ToString());
        Assert.That(get.Out, Does.Contain("Made by the CLI end-to-end test"));

        var list = await _cli.RunAsync("issue", "transition", key);
        Assert.That(list.ExitCode, Is.Zero, list.ToString());
        var target = list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t')).First(columns => columns.Length == 3);
        var moved = await _cli.RunAsync("issue", "transition", key, target[0], "--comment", "moved by the test");
        Assert.That(moved.ExitCode, Is.Zero, moved.ToString());

        var comment = await _cli.RunAsync("issue", "comment", key, "a comment from the CLI");
        Assert.That(comment.ExitCode, Is.Zero, comment.ToString());

        var issue = await Sandbox.Client.V3.Issues.GetIssueAsync(key, ["summary", "status", "comment"]);
        Assert.That(issue.Fields!.Summary, Is.EqualTo("Made by the CLI end-to-end test"));
        Assert.That(issue.Fields!.Status?.Name, Is.EqualTo(target[2].TrimStart('→', ' ')));
        Assert.That(issue.Fields!.GetField("comment")!.Value.GetProperty("comments").GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public async Task Raw_prints_the_body_and_a_failed_login_is_exit_1_not_an_empty_result()
    {
        var myself = await _cli.RunAsync("raw", "GET", "/rest/api/3/myself");
        Assert.That(myself.ExitCode, Is.Zero, myself.ToString());
        Assert.That(JsonDocument.Parse(myself.Out).RootElement.GetProperty("emailAddress").GetString(), Is.EqualTo(Sandbox.Credentials.Email));

        _cli.Environment["JIRA_API_TOKEN"] = "wrong-token";
        var search = await _cli.RunAsync("search", "project = DOCS");
        Assert.That(search.ExitCode, Is.EqualTo(1), search.ToString());
        Assert.That(search.Err, Does.Contain("401"));
        Assert.That(search.Err + search.Out, Does.Not.Contain("wrong-token"));
    }

    [Test]
    public async Task Webhook_register_list_and_delete_with_deliveries_signed_by_the_secret()
    {
        const string secret = "cli-e2e-secret";
        await using var receiver = await WebhookReceiverHost.StartAsync(secret, 0, CancellationToken.None);

        var register = await _cli.RunAsync("webhook", "register", "--name", "cli-e2e", "--target", receiver.Url.AbsoluteUri,
            "--events", "jira:issue_created", "--jql", "project = DOCS", "--secret", secret);
        Assert.That(register.ExitCode, Is.Zero, register.ToString());
        var id = register.Out.Trim();
        var list = await _cli.RunAsync("webhook", "list");
        Assert.That(list.Out, Does.Contain(id + "\tcli-e2e\t" + receiver.Url.AbsoluteUri));

        var created = await _cli.RunAsync("issue", "create", "--project", "DOCS", "--summary", "Announced by a webhook the CLI registered");
        Assert.That(created.ExitCode, Is.Zero, created.ToString());
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            JiraWebhookEvent e;
            do e = await receiver.Events.ReadAsync(timeout.Token);
            while (e is not IssueCreatedEvent { Issue.Key: var key } || key != created.Out.Trim());
        }

        var delete = await _cli.RunAsync("webhook", "delete", id);
        Assert.That(delete.ExitCode, Is.Zero, delete.ToString());
        Assert.That((await _cli.RunAsync("webhook", "list")).Out, Does.Not.Contain("cli-e2e"));
    }

    [Test]
    public async Task Webhook_listen_prints_a_verified_delivery_from_theSandbox()
    {
        // listen takes a port number; the operating system picks a free one for it.
        var port = LoopbackPorts.Unused();
        var register = await _cli.RunAsync("webhook", "register", "--name", "cli-listen-e2e", "--target", $"http://127.0.0.1:{port}/",
            "--events", "jira:issue_created", "--secret", "listen-secret");
        Assert.That(register.ExitCode, Is.Zero, register.ToString());
        try
        {
            using var listener = new CliHarness();
            var listening = listener.RunAsync("webhook", "listen", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--secret", "listen-secret", "--count", "1");
            await Task.Delay(500); // the listener binds before the sandbox's first delivery; a missed one would be retried anyway
            var created = await _cli.RunAsync("issue", "create", "--project", "DOCS", "--summary", "Heard by jira webhook listen");

            var heard = await listening;
            Assert.That(heard.ExitCode, Is.Zero, heard.ToString());
            Assert.That(heard.Out, Does.Contain("jira:issue_created").And.Contain(created.Out.Trim()).And.Contain("Heard by jira webhook listen"));
        }
        finally
        {
            await _cli.RunAsync("webhook", "delete", register.Out.Trim());
        }
    }
}
