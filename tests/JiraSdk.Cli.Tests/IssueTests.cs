using System.Text.Json;
using JiraSdk.Cli.Tests.Support;

namespace JiraSdk.Cli.Tests;

public sealed class IssueTests
{
    [Test]
    public async Task Get_shows_the_main_fields_and_json_shows_everything()
    {
        await using var jira = new FakeJira(_ => (200, """
            {"id":"10001","key":"DOCS-7","fields":{"summary":"Write the guide","status":{"name":"In Progress"},"issuetype":{"name":"Task"},
             "assignee":{"displayName":"Ada Lovelace"},"description":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"Cover the CLI."}]}]}}}
            """));
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);

        var text = await cli.RunAsync("issue", "get", "DOCS-7");
        var json = await cli.RunAsync("issue", "get", "DOCS-7", "--json", "--fields", "summary,status");

        Assert.That(text.ExitCode, Is.EqualTo(0), text.ToString());
        Assert.That(text.Out, Does.StartWith("DOCS-7\n"));
        Assert.That(text.Out, Does.Match(@"summary:\s+Write the guide").And.Match(@"status:\s+In Progress").And.Match(@"assignee:\s+Ada Lovelace"));
        Assert.That(text.Out, Does.Match(@"description:\s+Cover the CLI\.").And.Contain($"{jira.BaseUri}browse/DOCS-7"));
        Assert.That(JsonDocument.Parse(json.Out).RootElement.GetProperty("key").GetString(), Is.EqualTo("DOCS-7"));
        var requests = jira.Requests.ToList();
        Assert.That(requests[0].RawUrl, Is.EqualTo("/rest/api/3/issue/DOCS-7"));
        Assert.That(requests[1].RawUrl, Is.EqualTo("/rest/api/3/issue/DOCS-7?fields=summary%2Cstatus"));
    }

    [Test]
    public async Task Get_prints_a_document_with_its_blocks_and_breaks_on_their_own_lines()
    {
        await using var jira = new FakeJira(_ => (200, """
            {"id":"10001","key":"DOCS-7","fields":{"summary":"S","description":{"type":"doc","version":1,"content":[
              {"type":"taskList","attrs":{"localId":""},"content":[
                {"type":"taskItem","attrs":{"localId":"","state":"TODO"},"content":[{"type":"text","text":"todo item"}]},
                {"type":"taskItem","attrs":{"localId":"","state":"DONE"},"content":[{"type":"text","text":"done item"}]}]},
              {"type":"blockquote","content":[{"type":"paragraph","content":[{"type":"text","text":"A quote"},{"type":"hardBreak"},{"type":"text","text":"over two lines"}]}]}]}}}
            """));
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);

        var text = await cli.RunAsync("issue", "get", "DOCS-7", "--fields", "summary,description");

        Assert.That(text.ExitCode, Is.EqualTo(0), text.ToString());
        Assert.That(text.Out, Does.Contain(
            "  description: [ ] todo item\n" +
            "               [x] done item\n" +
            "\n" +
            "               > A quote\n" +
            "               > over two lines\n"));
    }

    [Test]
    public async Task Create_sends_the_fields_and_prints_the_new_key()
    {
        await using var jira = new FakeJira(_ => (201, """{"id":"10002","key":"DOCS-8","self":"x"}"""));
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);

        var run = await cli.RunAsync("issue", "create", "-p", "DOCS", "-t", "Bug", "-s", "It breaks", "--description", "Steps:\n\nRun it.",
            "--field", "labels:=[\"cli\"]", "--field", "environment=prod");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Out.Trim(), Is.EqualTo("DOCS-8"));
        var request = jira.Requests.Single();
        Assert.That((request.Method, request.Path), Is.EqualTo(("POST", "/rest/api/3/issue")));
        var fields = JsonDocument.Parse(request.Body).RootElement.GetProperty("fields");
        Assert.That(fields.GetProperty("project").GetProperty("key").GetString(), Is.EqualTo("DOCS"));
        Assert.That(fields.GetProperty("issuetype").GetProperty("name").GetString(), Is.EqualTo("Bug"));
        Assert.That(fields.GetProperty("summary").GetString(), Is.EqualTo("It breaks"));
        Assert.That(fields.GetProperty("labels")[0].GetString(), Is.EqualTo("cli"));
        Assert.That(fields.GetProperty("environment").GetString(), Is.EqualTo("prod"));
        var description = fields.GetProperty("description");
        Assert.That(description.GetProperty("type").GetString(), Is.EqualTo("doc"), "v3 takes Atlassian Document Format");
        Assert.That(description.GetProperty("content").GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public async Task Create_without_a_summary_is_a_usage_error()
    {
        await using var jira = new FakeJira(_ => (201, "{}"));
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);
        var run = await cli.RunAsync("issue", "create", "--project", "DOCS");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(jira.Requests, Is.Empty);
    }

    private static (int, string) Transitions(ReceivedRequest request) => request.Method == "GET"
        ? (200, """{"transitions":[{"id":"11","name":"To Do","to":{"name":"To Do"}},{"id":"21","name":"Start progress","to":{"name":"In Progress"}}]}""")
        : (204, "");

    [Test]
    public async Task Transition_by_name_posts_the_matching_id_with_a_comment()
    {
        await using var jira = new FakeJira(Transitions);
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);

        var run = await cli.RunAsync("issue", "transition", "DOCS-7", "start PROGRESS", "--comment", "Picking it up");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var post = jira.Requests.Last();
        Assert.That((post.Method, post.Path), Is.EqualTo(("POST", "/rest/api/3/issue/DOCS-7/transitions")));
        var body = JsonDocument.Parse(post.Body).RootElement;
        Assert.That(body.GetProperty("transition").GetProperty("id").GetString(), Is.EqualTo("21"));
        Assert.That(body.GetProperty("update").GetProperty("comment")[0].GetProperty("add").GetProperty("body").GetProperty("type").GetString(), Is.EqualTo("doc"));
        Assert.That(run.Err, Does.Contain("Start progress → In Progress"));
    }

    [Test]
    public async Task Transition_lists_the_choices_and_an_unknown_one_fails_naming_them()
    {
        await using var jira = new FakeJira(Transitions);
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);

        var list = await cli.RunAsync("issue", "transition", "DOCS-7");
        var unknown = await cli.RunAsync("issue", "transition", "DOCS-7", "Close");

        Assert.That(list.ExitCode, Is.EqualTo(0));
        Assert.That(list.Out, Is.EqualTo("11\tTo Do\t→ To Do\n21\tStart progress\t→ In Progress\n"));
        Assert.That(unknown.ExitCode, Is.EqualTo(1));
        Assert.That(unknown.Err.Trim(), Is.EqualTo("jira: DOCS-7 has no transition 'Close'; available: To Do (11), Start progress (21)."));
        Assert.That(jira.Requests.Count(r => r.Method == "POST"), Is.Zero);
    }

    [Test]
    public async Task Comment_is_a_document_in_v3_and_a_string_in_v2()
    {
        await using var jira = new FakeJira(_ => (201, """{"id":"555"}"""));
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);

        var v3 = await cli.RunAsync("issue", "comment", "DOCS-7", "Looks good");
        var v2 = await cli.RunAsync("issue", "comment", "DOCS-7", "Looks *good*", "--api", "2");

        Assert.That((v3.ExitCode, v3.Out.Trim()), Is.EqualTo((0, "555")));
        Assert.That(v2.ExitCode, Is.EqualTo(0));
        var requests = jira.Requests.ToList();
        Assert.That(requests[0].Path, Is.EqualTo("/rest/api/3/issue/DOCS-7/comment"));
        Assert.That(JsonDocument.Parse(requests[0].Body).RootElement.GetProperty("body").GetProperty("content")[0].GetProperty("content")[0].GetProperty("text").GetString(), Is.EqualTo("Looks good"));
        Assert.That(requests[1].Path, Is.EqualTo("/rest/api/2/issue/DOCS-7/comment"));
        Assert.That(JsonDocument.Parse(requests[1].Body).RootElement.GetProperty("body").GetString(), Is.EqualTo("Looks _good_"), "the comment is Markdown, sent to v2 as wiki markup");
    }
}
