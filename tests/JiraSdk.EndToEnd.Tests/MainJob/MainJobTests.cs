using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JiraSdk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JiraSdk.EndToEnd.Tests.MainJob;

/// <summary>The main job end to end: its own embedded sandbox, a configured one with Slack, Data Center, and as a process.</summary>
public partial class MainJobTests
{
    [GeneratedRegex(@"^(?<n>\d+) reminders posted, (?<m>\d+) webhook events received$")]
    private static partial Regex SummaryLine();

    private static async Task<(int Code, string[] Lines, string Error)> RunAsync(Dictionary<string, string?> environment)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var code = await DocsReminder.MainJob.RunAsync([], environment, output, error, timeout.Token);
        return (code, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), error.ToString());
    }

    private static async Task<List<string>> RemindableKeysAsync(JiraSandbox sandbox)
    {
        const string jql = "project = DOCS AND status in (\"On Hold\", \"Ready to Publish\") ORDER BY key ASC";
        var keys = new List<string>();
        IAsyncEnumerable<JiraSdk.Issues.IJiraIssue> issues = sandbox.Mode == JiraSandboxMode.DataCenter ? sandbox.Client.V2.SearchIssuesByOffsetAsync(jql, ["summary"]) : sandbox.Client.V3.SearchIssuesAsync(jql, ["summary"]);
        await foreach (var issue in issues) keys.Add(issue.Key!);
        return keys;
    }

    [Test]
    public async Task Without_configuration_it_runs_against_an_embedded_sandbox()
    {
        var (code, lines, error) = await RunAsync(new());

        Assert.That(code, Is.Zero, error);
        var summary = SummaryLine().Match(lines[^1]);
        Assert.That(summary.Success, Is.True, "last line: " + lines[^1]);
        Assert.That(int.Parse(summary.Groups["n"].Value), Is.GreaterThanOrEqualTo(1));
        Assert.That(int.Parse(summary.Groups["m"].Value), Is.GreaterThanOrEqualTo(1));
        Assert.That(lines.Count(l => l.StartsWith("slack> ", StringComparison.Ordinal)), Is.EqualTo(int.Parse(summary.Groups["n"].Value)));
        Assert.That(lines, Has.Some.Match("^webhook: received jira:issue_created for DOCS-\\d+ .*signature verified$"));
        Assert.That(error, Does.Contain("embedded JiraSandbox"));
    }

    [Test]
    public async Task With_jira_url_and_slack_it_posts_one_message_per_ticket_and_cleans_up()
    {
        await using var sandbox = await JiraSandbox.StartAsync();
        await using var slack = await FakeSlack.StartAsync();
        var expected = await RemindableKeysAsync(sandbox);

        var (code, lines, error) = await RunAsync(new()
        {
            ["JIRA_URL"] = sandbox.SiteUrl.AbsoluteUri,
            ["JIRA_EMAIL"] = sandbox.Credentials.Email,
            ["JIRA_API_TOKEN"] = sandbox.Credentials.ApiToken,
            ["SLACK_WEBHOOK_URL"] = slack.Url.AbsoluteUri,
        });

        Assert.That(code, Is.Zero, error);
        Assert.That(lines[^1], Is.EqualTo($"{expected.Count} reminders posted, 1 webhook events received"));
        Assert.That(slack.Messages.Select(m => Regex.Match(m, @"\|(DOCS-\d+)>").Groups[1].Value), Is.EqualTo(expected));
        Assert.That(lines, Has.None.StartWith("slack> "), "posted, not printed");
        // The trigger's ticket and registration are gone again.
        Assert.That(await RemindableKeysAsync(sandbox), Is.EqualTo(expected));
        using var webhooks = await sandbox.Client.SendAsync(HttpMethod.Get, "rest/webhooks/1.0/webhook");
        Assert.That(webhooks!.RootElement.GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Against_data_center_it_uses_the_personal_access_token_and_api_v2()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new JiraSandboxOptions { Mode = JiraSandboxMode.DataCenter });
        var expected = await RemindableKeysAsync(sandbox);

        var (code, lines, error) = await RunAsync(new()
        {
            ["JIRA_URL"] = sandbox.SiteUrl.AbsoluteUri,
            ["JIRA_PAT"] = sandbox.Credentials.PersonalAccessToken,
        });

        Assert.That(code, Is.Zero, error);
        Assert.That(lines[^1], Is.EqualTo($"{expected.Count} reminders posted, 1 webhook events received"));
    }

    [Test]
    public async Task Wrong_credentials_are_one_line_and_exit_1()
    {
        await using var sandbox = await JiraSandbox.StartAsync();

        var (code, lines, error) = await RunAsync(new()
        {
            ["JIRA_URL"] = sandbox.SiteUrl.AbsoluteUri,
            ["JIRA_EMAIL"] = sandbox.Credentials.Email,
            ["JIRA_API_TOKEN"] = "not-the-token",
        });

        Assert.That(code, Is.EqualTo(1));
        Assert.That(lines, Is.Empty);
        Assert.That(error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(error, Does.Contain("401").And.Not.Contain("not-the-token"));
    }

    [Test]
    public async Task As_a_process_its_last_line_is_the_summary_and_it_exits_0()
    {
        var dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "DocsReminder.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var name in new[] { "JIRA_URL", "JIRA_EMAIL", "JIRA_API_TOKEN", "JIRA_PAT", "SLACK_WEBHOOK_URL", "JIRA_API_VERSION" }) start.Environment.Remove(name);
        using var process = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
            var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
            await process.WaitForExitAsync(deadline.Token);
            Assert.That(process.ExitCode, Is.Zero, await stderr);
            var last = (await stdout).TrimEnd().Split('\n')[^1];
            Assert.That(SummaryLine().Match(last) is { Success: true } m && int.Parse(m.Groups["n"].Value) >= 1 && int.Parse(m.Groups["m"].Value) >= 1,
                Is.True, "last line: " + last);
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
    }

    /// <summary>A Slack incoming webhook on 127.0.0.1 that keeps the text of each message.</summary>
    private sealed class FakeSlack : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly List<string> _messages = [];

        private FakeSlack(WebApplication app) => _app = app;

        public Uri Url { get; private set; } = null!;

        public IReadOnlyList<string> Messages
        {
            get
            {
                lock (_messages) return _messages.ToList();
            }
        }

        public static async Task<FakeSlack> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var slack = new FakeSlack(app);
            app.MapPost("/services/T000/B000/XXXX", async (HttpContext http) =>
            {
                var body = await JsonNode.ParseAsync(http.Request.Body);
                lock (slack._messages) slack._messages.Add(body!["text"]!.GetValue<string>());
                return Results.Text("ok");
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            slack.Url = new Uri(new Uri(address), "/services/T000/B000/XXXX");
            return slack;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
