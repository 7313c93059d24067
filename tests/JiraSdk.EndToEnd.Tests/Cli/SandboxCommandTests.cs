using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Channels;
using JiraSdk.Auth;
using JiraSdk.Cli;

namespace JiraSdk.EndToEnd.Tests.Cli;

/// <summary><c>jira sandbox</c>: the export lines come first on stdout, the site answers with those credentials, and a stop request ends it with exit 0.</summary>
public class SandboxCommandTests
{
    [Test]
    public async Task Prints_the_exports_first_serves_them_and_stops_with_exit_0_when_cancelled()
    {
        var output = new LineWriter();
        var error = new LineWriter();
        var context = new CliContext(output, error, new StringReader(""), new Dictionary<string, string?>());
        using var stop = new CancellationTokenSource();

        var running = JiraCli.RunAsync(["sandbox"], context, stop.Token);
        var exports = await output.ReadLinesAsync(3);
        var variables = ParseExports(exports);

        Assert.That(variables.Keys, Is.EqualTo(new[] { "JIRA_URL", "JIRA_EMAIL", "JIRA_API_TOKEN" }));
        using (var jira = new JiraClient(new JiraClientOptions
        {
            SiteUrl = new Uri(variables["JIRA_URL"]),
            Authentication = JiraAuthentication.Basic(variables["JIRA_EMAIL"], variables["JIRA_API_TOKEN"]),
        }))
        {
            var issue = await jira.V3.Issues.GetIssueAsync("DOCS-1", ["summary"]);
            Assert.That(issue.Fields!.Summary, Is.Not.Empty, "the demo data is there");
        }
        Assert.That(running.IsCompleted, Is.False, "it serves until stopped");

        stop.Cancel();
        Assert.That(await running.WaitAsync(TimeSpan.FromSeconds(30)), Is.Zero);
        Assert.That(error.Text, Does.Contain("serving " + variables["JIRA_URL"]).And.Not.Contain(variables["JIRA_API_TOKEN"]));
    }

    [Test]
    public async Task Data_center_mode_also_exports_a_personal_access_token_and_api_version_2()
    {
        var output = new LineWriter();
        var context = new CliContext(output, new LineWriter(), new StringReader(""), new Dictionary<string, string?>());
        using var stop = new CancellationTokenSource();

        var running = JiraCli.RunAsync(["sandbox", "--mode", "datacenter", "--empty"], context, stop.Token);
        var variables = ParseExports(await output.ReadLinesAsync(5));

        Assert.That(variables.Keys, Is.EqualTo(new[] { "JIRA_URL", "JIRA_EMAIL", "JIRA_API_TOKEN", "JIRA_PAT", "JIRA_API_VERSION" }));
        Assert.That(variables["JIRA_API_VERSION"], Is.EqualTo("2"));
        using (var jira = new JiraClient(new JiraClientOptions
        {
            SiteUrl = new Uri(variables["JIRA_URL"]),
            Authentication = JiraAuthentication.PersonalAccessToken(variables["JIRA_PAT"]),
        }))
        {
            using var myself = await jira.SendAsync(HttpMethod.Get, "rest/api/2/myself");
            Assert.That(myself!.RootElement.GetProperty("emailAddress").GetString(), Is.EqualTo(variables["JIRA_EMAIL"]));
        }
        stop.Cancel();
        Assert.That(await running.WaitAsync(TimeSpan.FromSeconds(30)), Is.Zero);
    }

    [Test]
    public async Task With_a_data_file_a_restarted_sandbox_still_has_what_was_written()
    {
        var directory = Directory.CreateTempSubdirectory("jira-sandbox-e2e-");
        try
        {
            var data = Path.Combine(directory.FullName, "sandbox.db");
            string key;
            await using (var first = await StartAsync("sandbox", "--data", data))
            {
                using var jira = first.Client();
                var created = await jira.V3.Issues.CreateIssueAsync(new JiraSdk.V3.IssueUpdateDetails
                {
                    Fields = new Dictionary<string, object> { ["project"] = new { key = "DOCS" }, ["issuetype"] = new { name = "Task" }, ["summary"] = "Kept on disk" },
                });
                key = created.Key!;
            }
            await using var second = await StartAsync("sandbox", "--data", data);
            using var resumed = second.Client();
            Assert.That((await resumed.V3.Issues.GetIssueAsync(key, ["summary"])).Fields!.Summary, Is.EqualTo("Kept on disk"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [TestCase("--mode", "server")]
    [TestCase("--port", "70000")]
    public async Task A_bad_option_is_a_usage_error(string option, string value)
    {
        var error = new LineWriter();
        var context = new CliContext(new LineWriter(), error, new StringReader(""), new Dictionary<string, string?>());

        Assert.That(await JiraCli.RunAsync(["sandbox", option, value], context), Is.EqualTo(2));
        Assert.That(error.Text, Does.Contain(value));
    }

    [Test]
    [Platform("Linux,MacOsX")]
    public async Task As_a_process_it_stops_on_sigterm_with_exit_0()
    {
        var jira = Path.Combine(Readme.ReadmeSnippet.RepositoryRoot(), "src", "JiraSdk.Cli", "bin",
            new DirectoryInfo(TestContext.CurrentContext.TestDirectory).Parent!.Name, "net10.0", "jira.dll");
        Assume.That(File.Exists(jira), Is.True, "the CLI is built beside this test: " + jira);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(jira);
        start.ArgumentList.Add("sandbox");
        foreach (var name in new[] { "JIRA_URL", "JIRA_EMAIL", "JIRA_API_TOKEN", "JIRA_PAT" }) start.Environment.Remove(name);
        using var process = Process.Start(start)!;
        try
        {
            var lines = new List<string>();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (lines.Count < 3) lines.Add(await process.StandardOutput.ReadLineAsync(deadline.Token) ?? throw new AssertionException("stdout ended early: " + await process.StandardError.ReadToEndAsync()));
            Assert.That(ParseExports(lines).Keys, Is.EqualTo(new[] { "JIRA_URL", "JIRA_EMAIL", "JIRA_API_TOKEN" }));

            Assert.That(kill(process.Id, SIGTERM), Is.Zero);
            await process.WaitForExitAsync(deadline.Token);
            Assert.That(process.ExitCode, Is.Zero, await process.StandardError.ReadToEndAsync());
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
    }

    /// <summary>Runs <c>jira sandbox …</c> in-process until disposed, which stops it and checks its exit code.</summary>
    private static async Task<RunningSandbox> StartAsync(params string[] args)
    {
        var output = new LineWriter();
        var stop = new CancellationTokenSource();
        var running = JiraCli.RunAsync(args, new CliContext(output, new LineWriter(), new StringReader(""), new Dictionary<string, string?>()), stop.Token);
        return new RunningSandbox(ParseExports(await output.ReadLinesAsync(3)), running, stop);
    }

    private sealed record RunningSandbox(Dictionary<string, string> Variables, Task<int> Running, CancellationTokenSource Stop) : IAsyncDisposable
    {
        public JiraClient Client() => new(new JiraClientOptions
        {
            SiteUrl = new Uri(Variables["JIRA_URL"]),
            Authentication = JiraAuthentication.Basic(Variables["JIRA_EMAIL"], Variables["JIRA_API_TOKEN"]),
        });

        public async ValueTask DisposeAsync()
        {
            Stop.Cancel();
            Assert.That(await Running.WaitAsync(TimeSpan.FromSeconds(30)), Is.Zero);
            Stop.Dispose();
        }
    }

    private const int SIGTERM = 15;

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054 // one call in one test; no source-generated marshalling needed
    private static extern int kill(int pid, int signal);
#pragma warning restore SYSLIB1054

    /// <summary>Reads <c>export NAME='value'</c> lines as a shell would (single quotes, <c>'\''</c> for a quote).</summary>
    private static Dictionary<string, string> ParseExports(IEnumerable<string> lines)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            Assert.That(line, Does.Match("^export [A-Z_]+='.*'$"));
            var name = line["export ".Length..line.IndexOf('=')];
            var value = line[(line.IndexOf('=') + 2)..^1].Replace("'\\''", "'");
            variables[name] = value;
        }
        return variables;
    }

    /// <summary>A console stand-in whose lines can be awaited as the command writes them.</summary>
    private sealed class LineWriter : TextWriter
    {
        private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
        private readonly StringBuilder _current = new();
        private readonly StringBuilder _all = new();

        public override Encoding Encoding => Encoding.UTF8;

        public string Text
        {
            get
            {
                lock (_all) return _all.ToString();
            }
        }

        public override void Write(char value)
        {
            lock (_all)
            {
                _all.Append(value);
                if (value == '\n')
                {
                    _lines.Writer.TryWrite(_current.ToString().TrimEnd('\r'));
                    _current.Clear();
                }
                else
                {
                    _current.Append(value);
                }
            }
        }

        public async Task<List<string>> ReadLinesAsync(int count)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var lines = new List<string>();
            while (lines.Count < count) lines.Add(await _lines.Reader.ReadAsync(timeout.Token));
            return lines;
        }
    }
}
