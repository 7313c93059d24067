using System.Text.Json;
using System.Text.Json.Nodes;
using JiraSdk.Cli.Tests.Support;

namespace JiraSdk.Cli.Tests;

public sealed class RichTextTests
{
    private const string Markdown = """
        # Plan

        Ship **on Friday**, ask :mention{"id":"5b10ac8d82e05b22cc7d4ef5","text":"@Ann"}.
        Then check [the docs](https://example.com/docs).

        - [ ] write
        - [x] test

        | Step | Owner |
        | --- | --- |
        | build | CI |

        :::panel{"panelType":"info"}
        Freeze from `18:00`.
        :::
        """;

    /// <summary>A Jira that keeps the description it is given and gives it back, as the sandbox does.</summary>
    private static FakeJira StoringJira(Func<JsonNode?> stored, Action<JsonNode?> store) => new(request =>
    {
        if (request.Method == "POST" && request.Path.EndsWith("/issue", StringComparison.Ordinal))
        {
            store(JsonNode.Parse(request.Body)!["fields"]!["description"]?.DeepClone());
            return (201, """{"id":"10001","key":"DOCS-1"}""");
        }
        var issue = new JsonObject { ["id"] = "10001", ["key"] = "DOCS-1", ["fields"] = new JsonObject { ["summary"] = "Plan", ["description"] = stored()?.DeepClone() } };
        return (200, issue.ToJsonString());
    });

    [Test]
    public async Task An_issue_created_from_a_markdown_file_gives_the_markdown_back()
    {
        JsonNode? description = null;
        await using var jira = StoringJira(() => description, d => description = d);
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);
        var file = Path.Combine(cli.Home, "plan.md");
        await File.WriteAllTextAsync(file, Markdown + "\n");

        var created = await cli.RunAsync("issue", "create", "-p", "DOCS", "-s", "Plan", "--description-file", file);
        var shown = await cli.RunAsync("issue", "get", "DOCS-1", "--markdown");

        Assert.That(created.ExitCode, Is.EqualTo(0), created.ToString());
        Assert.That(description!["type"]!.GetValue<string>(), Is.EqualTo("doc"));
        var types = description["content"]!.AsArray().Select(b => b!["type"]!.GetValue<string>());
        Assert.That(types, Is.EqualTo(new[] { "heading", "paragraph", "taskList", "table", "panel" }));
        Assert.That(description.ToJsonString(), Does.Contain("\"type\":\"mention\"").And.Contain("\"type\":\"hardBreak\""));
        Assert.That(shown.ExitCode, Is.EqualTo(0), shown.ToString());
        Assert.That(shown.Out, Is.EqualTo(Markdown + "\n"));
    }

    [Test]
    public async Task Adf_is_passed_as_it_is_and_bad_adf_is_a_usage_error()
    {
        JsonNode? description = null;
        await using var jira = StoringJira(() => description, d => description = d);
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);
        const string adf = """{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"**not bold**"}]}]}""";

        var run = await cli.RunAsync("issue", "create", "-p", "DOCS", "-s", "x", "--adf", "--description", adf);
        var bad = await cli.RunAsync("issue", "create", "-p", "DOCS", "-s", "x", "--adf", "--description", "{\"type\":\"paragraph\"}");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(JsonNode.DeepEquals(description, JsonNode.Parse(adf)), Is.True);
        Assert.That(bad.ExitCode, Is.Not.EqualTo(0));
        Assert.That(bad.Err, Does.Contain("--description is not ADF JSON"));
    }

    [Test]
    public async Task Markdown_goes_to_v2_as_wiki_markup_and_comes_back_as_markdown()
    {
        JsonNode? description = null;
        await using var jira = StoringJira(() => description, d => description = d);
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);

        var run = await cli.RunAsync("issue", "create", "-p", "DOCS", "-s", "x", "--api", "2", "--description", "## Steps\n\n1. Run **it**\n2. See `output`");
        var shown = await cli.RunAsync("issue", "get", "DOCS-1", "--markdown", "--api", "2");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(description!.GetValue<string>(), Is.EqualTo("h2. Steps\n\n# Run *it*\n# See {{output}}"));
        Assert.That(shown.Out, Is.EqualTo("## Steps\n\n1. Run **it**\n2. See `output`\n"));
    }

    [Test]
    public async Task Comments_are_markdown()
    {
        await using var jira = new FakeJira(_ => (201, """{"id":"7"}"""));
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);

        var run = await cli.RunAsync("issue", "comment", "DOCS-1", "Done in `v2`:\n\n- one\n- two");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var body = JsonDocument.Parse(jira.Requests.Single().Body).RootElement.GetProperty("body");
        Assert.That(body.GetProperty("content")[1].GetProperty("type").GetString(), Is.EqualTo("bulletList"));
        Assert.That(body.GetProperty("content")[0].GetProperty("content")[1].GetProperty("marks")[0].GetProperty("type").GetString(), Is.EqualTo("code"));
    }
}
