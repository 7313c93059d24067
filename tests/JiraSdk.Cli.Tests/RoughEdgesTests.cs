using JiraSdk.Cli.Tests.Support;

namespace JiraSdk.Cli.Tests;

/// <summary>What a new user meets first (issue 13, item 7): typos, missing commands, and tables that fit their values.</summary>
public sealed class RoughEdgesTests
{
    [TestCase(new[] { "serch", "project = DOCS" }, "'serch' is not a jira command. Did you mean 'search'?")]
    [TestCase(new[] { "isue", "get", "DOCS-1" }, "'isue' is not a jira command. Did you mean 'issue'?")]
    [TestCase(new[] { "issue", "gte", "DOCS-1" }, "'gte' is not a jira issue command. Did you mean 'get'?")]
    [TestCase(new[] { "xyzzy" }, "'xyzzy' is not a jira command; the commands are: search, issue, raw")]
    public async Task A_mistyped_command_is_named_with_the_nearest_one(string[] args, string expected)
    {
        using var cli = new CliHarness();

        var run = await cli.RunAsync(args);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Err.Trim().Split('\n'), Has.Length.EqualTo(1), run.ToString());
        Assert.That(run.Err, Does.StartWith("jira: " + expected), run.ToString());
    }

    [Test]
    public async Task A_missing_command_lists_the_commands()
    {
        using var cli = new CliHarness();

        var run = await cli.RunAsync("issue");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Err, Does.StartWith("jira: 'jira issue' needs a command: get"), run.ToString());
    }

    [Test]
    public async Task A_long_value_on_a_later_page_widens_its_column_instead_of_being_cut()
    {
        const string longSummary = "A summary far longer than the first page had";
        await using var jira = new FakeJira(request => request.Query("nextPageToken") is null
            ? (200, """{"issues":[{"key":"DOCS-1","fields":{"summary":"Short"}}],"nextPageToken":"p2","isLast":false}""")
            : (200, $$$"""{"issues":[{"key":"DOCS-2","fields":{"summary":"{{{longSummary}}}"}}],"isLast":true}"""));
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);

        var run = await cli.RunAsync("search", "project = DOCS", "--fields", "summary", "--page-size", "1");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Out, Does.Contain("DOCS-2  " + longSummary), run.ToString());
    }
}
