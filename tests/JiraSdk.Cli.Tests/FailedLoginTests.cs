using System.Net;
using System.Text;
using JiraSdk.Cli.Tests.Support;
using JiraSdk.Tests.Support;

namespace JiraSdk.Cli.Tests;

/// <summary>
/// Refused logins that a status code does not reveal (issue 13, item 7): the CLI reports them through the library's
/// exceptions, with exit code 1 and one line, never "no issues match" or "HTTP 200 OK".
/// </summary>
public sealed class FailedLoginTests
{
    private const string LoginPage = "<!DOCTYPE html><html><head><title>Sign in to your account</title></head><body><form method=\"post\" action=\"/login\"><input type=\"password\" name=\"password\"></form></body></html>";

    private static LoopbackServer Answer(int status, string body, string contentType, params (string Name, string Value)[] headers) =>
        LoopbackServer.Start(async context =>
        {
            foreach (var (name, value) in headers) context.Response.AddHeader(name, value);
            await LoopbackServer.WriteAsync(context.Response, status, body, contentType);
        });

    private static IEnumerable<TestCaseData> Cases()
    {
        string[][] commands = [["search", "project = DOCS"], ["raw", "GET", "/rest/api/2/myself"]];
        foreach (var command in commands)
        {
            var name = command[0];
            yield return new TestCaseData(command, 200, "{\"issues\":[],\"isLast\":true,\"accountId\":\"anon\"}", "application/json",
                new[] { ("X-Seraph-LoginReason", "AUTHENTICATED_FAILED") }, "X-Seraph-LoginReason").SetName($"{name}: 200 with AUTHENTICATED_FAILED");
            yield return new TestCaseData(command, 200, "{\"issues\":[],\"isLast\":true,\"accountId\":\"anon\"}", "application/json",
                new[] { ("X-Seraph-LoginReason", "AUTHENTICATION_DENIED") }, "X-Seraph-LoginReason").SetName($"{name}: 200 with AUTHENTICATION_DENIED");
            yield return new TestCaseData(command, 200, LoginPage, "text/html", Array.Empty<(string, string)>(), "HTML login page").SetName($"{name}: HTML login page");
            yield return new TestCaseData(command, 403, "{\"errorMessages\":[\"Forbidden\"]}", "application/json",
                new[] { ("X-Authentication-Denied-Reason", "CAPTCHA_CHALLENGE; login-url=https://jira.example.com/login.jsp"), ("X-Seraph-LoginReason", "AUTHENTICATION_DENIED") },
                "https://jira.example.com/login.jsp").SetName($"{name}: CAPTCHA challenge");
        }
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Exits_1_with_one_line(string[] command, int status, string body, string contentType, (string, string)[] headers, string expected)
    {
        await using var jira = Answer(status, body, contentType, headers);
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);

        var run = await cli.RunAsync(command);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        var lines = run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), run.ToString());
        Assert.That(lines[0], Does.StartWith("jira: ").And.Contain(expected), run.ToString());
        Assert.That(run.Out, Is.Empty, run.ToString());
        if (expected.StartsWith("https://", StringComparison.Ordinal)) Assert.That(lines[0], Does.Contain("CAPTCHA"));
    }
}
