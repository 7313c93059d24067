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

    [TestCase(new object[] { new[] { "issue", "get" } })]
    [TestCase(new object[] { new[] { "issue" } })]
    [TestCase(new object[] { new[] { "raw" } })]
    [TestCase(new object[] { new[] { "oauth2", "login" } })]
    [TestCase(new object[] { new[] { "webhook", "list" } })]
    [TestCase(new object[] { new string[0] })]
    public async Task Help_lists_each_global_option_once_and_the_commands_own_options(string[] command)
    {
        using var cli = new CliHarness();

        var run = await cli.RunAsync(command.Append("--help").ToArray());

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        foreach (var option in new Configuration.GlobalOptions().All)
        {
            var lines = run.Out.Split('\n').Count(line => line.TrimStart().StartsWith(option.Name + " ", StringComparison.Ordinal)
                                                          || line.TrimStart().StartsWith(option.Name + "\r", StringComparison.Ordinal)
                                                          || line.Contains(", " + option.Name + " ", StringComparison.Ordinal)
                                                          || line.Trim() == option.Name);
            Assert.That(lines, Is.EqualTo(1), $"{option.Name} in 'jira {string.Join(" ", command)} --help':\n{run.Out}");
        }
        if (command.SequenceEqual(new[] { "issue", "get" }))
            Assert.That(run.Out, Does.Contain("--fields").And.Contain("<key>"), "the command's own options and arguments are there too");
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

/// <summary><c>jira doctor</c> (issue 13, item 7): each finding one line, exit 1 when something needs fixing.</summary>
public sealed class DoctorTests
{
    private static JiraSdk.Tests.Support.LoopbackServer Myself(string? seraph) =>
        JiraSdk.Tests.Support.LoopbackServer.Start(async context =>
        {
            if (seraph is not null) context.Response.AddHeader("X-Seraph-LoginReason", seraph);
            await JiraSdk.Tests.Support.LoopbackServer.WriteAsync(context.Response, 200, """{"accountId":"5b10","displayName":"Ada"}""");
        });

    [Test]
    public async Task A_healthy_setup_is_all_ok()
    {
        await using var jira = Myself("OK");
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);

        var run = await cli.RunAsync("doctor");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var lines = run.Out.TrimEnd().Split('\n');
        Assert.That(lines.Where(l => l.StartsWith("fix", StringComparison.Ordinal)), Is.Empty, run.Out);
        // http is fine on loopback (the sandbox, a local Jira): nothing travels on a network.
        Assert.That(lines, Has.Some.EqualTo($"ok   url          {jira.BaseUri} (http on loopback: this machine only)"));
        Assert.That(lines, Has.Some.StartsWith("ok   credentials  basic (ada@example.com"));
        Assert.That(lines, Has.Some.StartsWith("ok   route        the site itself"));
        Assert.That(lines, Has.Some.StartsWith("ok   clock"));
        Assert.That(lines, Has.Some.StartsWith("ok   login        GET /rest/api/3/myself answered 200, X-Seraph-LoginReason: OK"));
        Assert.That(run.Out, Does.Not.Contain("secret-api-token"));
    }

    [Test]
    public async Task A_refused_login_behind_a_200_is_named_with_what_to_fix()
    {
        await using var jira = Myself("AUTHENTICATED_FAILED");
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);

        var run = await cli.RunAsync("doctor");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Out, Does.Contain("fix  login        X-Seraph-LoginReason: AUTHENTICATED_FAILED: Jira did not accept the credentials"));
    }
}
