using System.Text.Json;
using JiraSdk.Cli.Tests.Support;

namespace JiraSdk.Cli.Tests;

public sealed class SearchTests
{
    private static string Issue(int n)
    {
        var assignee = n == 2 ? "null" : "{\"displayName\":\"Ada Lovelace\"}";
        var status = n % 2 == 0 ? "Done" : "To Do";
        return $$"""{"id":"{{1000 + n}}","key":"DOCS-{{n}}","fields":{"summary":"Issue number {{n}}","status":{"name":"{{status}}"},"assignee":""" + assignee + "}}";
    }

    /// <summary>Cloud's /search/jql: three pages linked by nextPageToken, the last one marked isLast.</summary>
    private static (int, string) TokenPages(ReceivedRequest request)
    {
        if (request.Path != "/rest/api/3/search/jql") return (404, """{"errorMessages":["no such resource"]}""");
        return request.Query("nextPageToken") switch
        {
            null => (200, $$"""{"issues":[{{Issue(1)}},{{Issue(2)}}],"nextPageToken":"page-2","isLast":false}"""),
            "page-2" => (200, $$"""{"issues":[{{Issue(3)}},{{Issue(4)}}],"nextPageToken":"page-3","isLast":false}"""),
            "page-3" => (200, $$"""{"issues":[{{Issue(5)}}],"isLast":true}"""),
            _ => (400, """{"errorMessages":["bad token"]}"""),
        };
    }

    [Test]
    public async Task Streams_every_page_into_a_table_with_progress_on_stderr()
    {
        await using var jira = new FakeJira(TokenPages);
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);

        var run = await cli.RunAsync("search", "project = DOCS ORDER BY key", "--page-size", "2");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var lines = run.Out.TrimEnd().Split('\n');
        Assert.That(lines[0], Does.Match(@"^KEY\s+SUMMARY\s+STATUS\s+ASSIGNEE$"));
        Assert.That(lines.Skip(1).Select(l => l.Split("  ")[0]), Is.EqualTo(new[] { "DOCS-1", "DOCS-2", "DOCS-3", "DOCS-4", "DOCS-5" }));
        Assert.That(lines[1], Does.Match(@"^DOCS-1\s+Issue number 1\s+To Do\s+Ada Lovelace$"));
        Assert.That(lines[2], Does.Match(@"^DOCS-2\s+Issue number 2\s+Done$"), "an unassigned issue leaves the cell empty");
        Assert.That(run.Err, Does.Contain("page 1: 2 issues").And.Contain("page 2: 4 issues").And.Contain("page 3: 5 issues"));

        var requests = jira.Requests.ToList();
        Assert.That(requests.Select(r => r.Query("nextPageToken")), Is.EqualTo(new[] { null, "page-2", "page-3" }));
        Assert.That(requests.Select(r => r.Query("jql")).Distinct(), Is.EqualTo(new[] { "project = DOCS ORDER BY key" }));
        Assert.That(requests[0].Query("fields"), Is.EqualTo("summary,status,assignee"));
        Assert.That(requests[0].Query("maxResults"), Is.EqualTo("2"));
        Assert.That(requests.Select(r => r.Authorization).Distinct(), Is.EqualTo(new[] { CliHarness.BasicHeader }));
    }

    [Test]
    public async Task Json_output_is_one_array_of_the_issues_as_Jira_sent_them()
    {
        await using var jira = new FakeJira(TokenPages);
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);

        var run = await cli.RunAsync("search", "project = DOCS", "--json", "--fields", "summary,status");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        using var document = JsonDocument.Parse(run.Out);
        var issues = document.RootElement.EnumerateArray().ToList();
        Assert.That(issues.Select(i => i.GetProperty("key").GetString()), Is.EqualTo(new[] { "DOCS-1", "DOCS-2", "DOCS-3", "DOCS-4", "DOCS-5" }));
        Assert.That(issues[2].GetProperty("fields").GetProperty("status").GetProperty("name").GetString(), Is.EqualTo("To Do"));
        Assert.That(jira.Requests.First().Query("fields"), Is.EqualTo("summary,status"));
    }

    [Test]
    public async Task Limit_stops_fetching_once_enough_issues_arrived()
    {
        await using var jira = new FakeJira(TokenPages);
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);

        var run = await cli.RunAsync("search", "project = DOCS", "--limit", "3", "--page-size", "2", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        using var document = JsonDocument.Parse(run.Out);
        Assert.That(document.RootElement.GetArrayLength(), Is.EqualTo(3));
        Assert.That(jira.Requests, Has.Count.EqualTo(2), "the third page is never requested");
    }

    [Test]
    public async Task Api_2_pages_by_startAt_until_the_total()
    {
        await using var jira = new FakeJira(request =>
        {
            if (request.Path != "/rest/api/2/search") return (404, "{}");
            var startAt = int.Parse(request.Query("startAt")!);
            // Jira caps maxResults below what was asked: the tool must follow startAt, not its own page size.
            var issues = Enumerable.Range(startAt + 1, Math.Min(2, 5 - startAt)).Select(Issue);
            return (200, $$"""{"startAt":{{startAt}},"maxResults":2,"total":5,"issues":[{{string.Join(",", issues)}}]}""");
        });
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);

        var run = await cli.RunAsync("search", "project = DOCS", "--api", "2", "--page-size", "50");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(jira.Requests.Select(r => r.Query("startAt")), Is.EqualTo(new[] { "0", "2", "4" }));
        Assert.That(run.Out.TrimEnd().Split('\n'), Has.Length.EqualTo(6));
        Assert.That(run.Err, Does.Contain("page 3: 5 issues"));
    }

    [Test]
    public async Task A_Jira_error_is_one_line_from_its_error_collection_and_exit_code_1()
    {
        await using var jira = new FakeJira(_ => (400, """{"errorMessages":["Field 'projct' does not exist or you do not have permission to view it."],"errors":{}}"""));
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);

        var run = await cli.RunAsync("search", "projct = DOCS");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Err.TrimEnd().Split('\n').Last(), Is.EqualTo("jira: Jira answered HTTP 400: Field 'projct' does not exist or you do not have permission to view it."));
        Assert.That(run.Err, Does.Not.Contain("   at "), "no stack trace without --verbose");
        Assert.That(run.Out, Is.Empty);

        var verbose = await cli.RunAsync("search", "projct = DOCS", "--verbose");
        Assert.That(verbose.ExitCode, Is.EqualTo(1));
        Assert.That(verbose.Err, Does.Contain("JiraBadRequestException").And.Contain("   at "));
        Assert.That(verbose.Err + verbose.Out, Does.Not.Contain("secret-api-token"));
    }

    [Test]
    public async Task Empty_jql_and_a_zero_limit_are_usage_errors_and_send_nothing()
    {
        await using var jira = new FakeJira(TokenPages);
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);

        Assert.That((await cli.RunAsync("search", "  ")).ExitCode, Is.EqualTo(2));
        Assert.That((await cli.RunAsync("search", "project = DOCS", "--limit", "0")).ExitCode, Is.EqualTo(2));
        Assert.That((await cli.RunAsync("search", "project = DOCS", "--limit", "many")).ExitCode, Is.EqualTo(2));
        Assert.That(jira.Requests, Is.Empty);
    }
}
