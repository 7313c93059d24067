using System.Text.Json;
using JiraSdk.Cli.Tests.Support;

namespace JiraSdk.Cli.Tests;

public sealed class WatchTests
{
    private static string Issue(string id, string key, string created, string updated, string summary) =>
        $$"""{"id":"{{id}}","key":"{{key}}","fields":{"summary":"{{summary}}","created":"{{created}}","updated":"{{updated}}"}""" + "}";

    [Test]
    public async Task Watch_prints_each_change_once_as_NDJSON_and_resumes_from_its_cursor_file()
    {
        var issues = new List<string>
        {
            Issue("10001", "DOCS-1", "2026-11-30T04:00:00.000+0000", "2026-11-30T04:00:00.000+0000", "New page"),
            Issue("10002", "DOCS-2", "2026-10-01T09:00:00.000+0000", "2026-11-30T04:01:00.000+0000", "Old page, edited"),
        };
        await using var jira = new FakeJira(request => (request.Method, request.Path) switch
        {
            ("GET", "/rest/api/3/search/jql") => (200, $$"""{"issues":[{{string.Join(",", issues)}}],"isLast":true}"""),
            _ => (404, "{}"),
        });
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);
        var cursor = Path.Combine(cli.Home, "watch.cursor");

        var first = await cli.RunAsync("watch", "project = DOCS", "--cursor", cursor, "--since", "2026-11-30T03:00:00Z", "--once");
        var again = await cli.RunAsync("watch", "project = DOCS", "--cursor", cursor, "--once");
        issues.Add(Issue("10001", "DOCS-1", "2026-11-30T04:00:00.000+0000", "2026-11-30T04:05:00.000+0000", "New page, renamed"));
        issues.RemoveAt(0);
        var later = await cli.RunAsync("watch", "project = DOCS", "--cursor", cursor, "--once");

        Assert.That(first.ExitCode, Is.EqualTo(0), first.ToString());
        var lines = first.Out.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.That(lines.Select(l => (l.GetProperty("change").GetString(), l.GetProperty("key").GetString())),
            Is.EqualTo(new[] { ("created", "DOCS-1"), ("updated", "DOCS-2") }));
        Assert.That(lines[1].GetProperty("fields").GetProperty("summary").GetString(), Is.EqualTo("Old page, edited"));
        Assert.That((again.ExitCode, again.Out), Is.EqualTo((0, "")), "resumed: nothing repeated");
        Assert.That(later.Out.Trim(), Does.StartWith("""{"change":"updated","key":"DOCS-1","id":"10001","updated":"2026-11-30T04:05:00.000Z","""));
        Assert.That(later.Out.Trim().Split('\n'), Has.Length.EqualTo(1));
        // Sent through JiraClient's search (jira.V3.SearchIssuesAsync): a GET with the JQL in the query string.
        var query = jira.Requests.Last().Query("jql");
        Assert.That(query, Does.StartWith("(project = DOCS) AND updated >= \"2026/11/30 03:59\""), "the cursor's watermark (04:01) less the overlap");
    }

    [Test]
    public async Task Watch_refuses_a_query_with_its_own_ORDER_BY()
    {
        using var cli = new CliHarness();
        cli.UseBasic(new Uri("http://127.0.0.1:9/"));
        var run = await cli.RunAsync("watch", "project = DOCS ORDER BY key", "--once");
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Err, Does.Contain("ORDER BY"));
    }
}
