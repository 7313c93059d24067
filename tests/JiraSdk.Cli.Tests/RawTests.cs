using System.Text.Json;
using JiraSdk.Cli.Tests.Support;

namespace JiraSdk.Cli.Tests;

public sealed class RawTests
{
    [Test]
    public async Task Get_prints_the_status_on_stderr_and_the_body_on_stdout()
    {
        await using var jira = new FakeJira(r => (200, """{"accountId":"5b10","displayName":"Zoë","active":true}"""));
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);

        var run = await cli.RunAsync("raw", "get", "/rest/api/2/search?jql=project%20%3D%20DOCS&maxResults=1");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Err.Trim(), Is.EqualTo("HTTP 200 OK"));
        using var body = JsonDocument.Parse(run.Out);
        Assert.That(body.RootElement.GetProperty("displayName").GetString(), Is.EqualTo("Zoë"));
        Assert.That(run.Out, Does.Contain("\"Zoë\""), "printed as text, not \\u escapes");
        var request = jira.Requests.Single();
        Assert.That(request.Method, Is.EqualTo("GET"));
        Assert.That(request.RawUrl, Is.EqualTo("/rest/api/2/search?jql=project%20%3D%20DOCS&maxResults=1"));
        Assert.That(request.Authorization, Is.EqualTo(CliHarness.BasicHeader));
    }

    [Test]
    public async Task Post_sends_the_data_as_json_from_inline_file_or_stdin()
    {
        await using var jira = new FakeJira(r => (201, """{"id":"10001","key":"DOCS-9"}"""));
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);
        await File.WriteAllTextAsync(Path.Combine(cli.Home, "body.json"), """{"from":"file"}""");

        var inline = await cli.RunAsync("raw", "POST", "rest/api/3/issue", "--data", """{"fields":{"summary":"Hi"}}""");
        var fromFile = await cli.RunAsync("raw", "PUT", "/rest/api/3/issue/DOCS-9", "-d", "@body.json");
        cli.Input = _ => new StringReader("""{"from":"stdin"}""");
        var fromStdin = await cli.RunAsync("raw", "POST", "/rest/api/3/issue/DOCS-9/comment", "--data", "-");

        Assert.That(new[] { inline.ExitCode, fromFile.ExitCode, fromStdin.ExitCode }, Is.All.EqualTo(0));
        Assert.That(inline.Err.Trim(), Is.EqualTo("HTTP 201 Created"));
        var requests = jira.Requests.ToList();
        Assert.That(requests.Select(r => (r.Method, r.Path, r.Body)), Is.EqualTo(new[]
        {
            ("POST", "/rest/api/3/issue", """{"fields":{"summary":"Hi"}}"""),
            ("PUT", "/rest/api/3/issue/DOCS-9", """{"from":"file"}"""),
            ("POST", "/rest/api/3/issue/DOCS-9/comment", """{"from":"stdin"}"""),
        }));
        Assert.That(requests.Select(r => r.ContentType), Is.All.StartWith("application/json"));
        Assert.That(requests.Select(r => r.AtlassianToken), Is.All.EqualTo("no-check"));
    }

    [Test]
    public async Task A_rate_limited_request_is_retried_like_any_sdk_call()
    {
        var calls = 0;
        await using var jira = new FakeJira(r => Interlocked.Increment(ref calls) == 1
            ? (429, """{"errorMessages":["Rate limit exceeded."]}""")
            : (200, """{"accountId":"5b10"}"""));
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);

        var run = await cli.RunAsync("raw", "GET", "/rest/api/3/myself");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        // Issue 13: the wait is said on stderr (the harness's backoff is milliseconds, so "1 s" after rounding up).
        Assert.That(run.Err.Trim().Split('\n'), Is.EqualTo(new[] { "jira: rate limited; retrying in 1 s", "HTTP 200 OK" }));
        Assert.That(jira.Requests.Select(r => r.Authorization), Is.EqualTo(new[] { CliHarness.BasicHeader, CliHarness.BasicHeader }));
    }

    [Test]
    public async Task A_failed_request_prints_status_and_body_and_the_error_line_and_exits_1()
    {
        await using var jira = new FakeJira(r => (404, """{"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{}}"""));
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);

        var run = await cli.RunAsync("raw", "GET", "/rest/api/3/issue/NOPE-1");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Err, Does.StartWith("HTTP 404 Not Found\n"));
        Assert.That(run.Err, Does.Contain("jira: Jira answered HTTP 404: Issue does not exist or you do not have permission to see it."));
        Assert.That(run.Out, Does.Contain("errorMessages"));
    }

    [Test]
    public async Task Field_errors_are_named_in_the_one_line_message()
    {
        await using var jira = new FakeJira(r => (400, """{"errorMessages":[],"errors":{"summary":"You must specify a summary of the issue.","issuetype":"Specify an issue type"}}"""));
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);

        var run = await cli.RunAsync("issue", "create", "--project", "DOCS", "--summary", "x");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Err.Trim(), Is.EqualTo("jira: Jira answered HTTP 400: summary: You must specify a summary of the issue.; issuetype: Specify an issue type"));
    }

    [TestCase("GET", "https://evil.example.com/rest/api/3/myself")]
    [TestCase("GET", "//evil.example.com/rest/api/3/myself")]
    [TestCase("GE T", "/rest/api/3/myself")]
    public async Task A_full_url_or_a_bad_method_is_a_usage_error_and_nothing_is_sent(string method, string path)
    {
        await using var jira = new FakeJira(r => (200, "{}"));
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);

        var run = await cli.RunAsync("raw", method, path);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Err.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(jira.Requests, Is.Empty);
    }

    [Test]
    public async Task Data_that_is_not_json_is_a_usage_error_and_nothing_is_sent()
    {
        await using var jira = new FakeJira(r => (200, "{}"));
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);

        var run = await cli.RunAsync("raw", "POST", "/rest/api/3/issue", "--data", "{summary: oops");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Err, Does.StartWith("jira: --data is not valid JSON"));
        Assert.That(jira.Requests, Is.Empty);
    }
}
