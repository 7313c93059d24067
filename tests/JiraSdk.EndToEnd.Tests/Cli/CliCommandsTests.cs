using System.Text.Json;
using JiraSdk.Cli.Tests.Support;
using JiraSdk.Testing;

namespace JiraSdk.EndToEnd.Tests.Cli;

/// <summary>The <c>jira</c> commands, run in-process, against a sandbox; each result is checked through the sandbox's own client.</summary>
public class CliCommandsTests
{
    private JiraSandbox _sandbox = null!;
    private CliHarness _cli = null!;

    [OneTimeSetUp]
    public async Task StartSandbox() => _sandbox = await JiraSandbox.StartAsync();

    [OneTimeTearDown]
    public async Task StopSandbox() => await _sandbox.DisposeAsync();

    [SetUp]
    public void SignIn()
    {
        _cli = new CliHarness();
        _cli.Environment["JIRA_URL"] = _sandbox.SiteUrl.AbsoluteUri;
        _cli.Environment["JIRA_EMAIL"] = _sandbox.Credentials.Email;
        _cli.Environment["JIRA_API_TOKEN"] = _sandbox.Credentials.ApiToken;
    }

    [TearDown]
    public void Dispose() => _cli.Dispose();

    [Test]
    public async Task Search_prints_exactly_the_issues_the_jql_selects()
    {
        const string jql = "project = DOCS AND status in (\"On Hold\", \"Ready to Publish\") ORDER BY key ASC";
        var expected = new List<string>();
        await foreach (var issue in _sandbox.Client.V3.SearchIssuesAsync(jql, ["summary"])) expected.Add(issue.Key!);

        var run = await _cli.RunAsync("search", jql, "--json");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var keys = JsonDocument.Parse(run.Out).RootElement.EnumerateArray().Select(issue => issue.GetProperty("key").GetString()).ToList();
        Assert.That(expected, Is.Not.Empty, "the demo data has docs tickets on hold or ready to publish");
        Assert.That(keys, Is.EqualTo(expected));
    }

    [Test]
    public async Task Issue_create_get_transition_and_comment_change_the_sandbox()
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

        var issue = await _sandbox.Client.V3.GetIssueAsync(key, ["summary", "status", "comment"]);
        Assert.That(issue.Fields.Summary, Is.EqualTo("Made by the CLI end-to-end test"));
        Assert.That(issue.Fields.Status?.Name, Is.EqualTo(target[2].TrimStart('→', ' ')));
        Assert.That(issue.Fields.GetField("comment")!.Value.GetProperty("comments").GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public async Task Raw_prints_the_body_and_a_failed_login_is_exit_1_not_an_empty_result()
    {
        var myself = await _cli.RunAsync("raw", "GET", "/rest/api/3/myself");
        Assert.That(myself.ExitCode, Is.Zero, myself.ToString());
        Assert.That(JsonDocument.Parse(myself.Out).RootElement.GetProperty("emailAddress").GetString(), Is.EqualTo(_sandbox.Credentials.Email));

        _cli.Environment["JIRA_API_TOKEN"] = "wrong-token";
        var search = await _cli.RunAsync("search", "project = DOCS");
        Assert.That(search.ExitCode, Is.EqualTo(1), search.ToString());
        Assert.That(search.Err, Does.Contain("401"));
        Assert.That(search.Err + search.Out, Does.Not.Contain("wrong-token"));
    }
}
