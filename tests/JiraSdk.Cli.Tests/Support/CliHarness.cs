using System.Text;

namespace JiraSdk.Cli.Tests.Support;

/// <summary>What one run of the tool produced.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Err)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}

/// <summary>
/// Runs <c>jira</c> in-process with captured streams, a chosen environment and a private home directory, so no test
/// reads the machine's profile or variables.
/// </summary>
internal sealed class CliHarness : IDisposable
{
    public CliHarness()
    {
        Home = Path.Combine(Path.GetTempPath(), "jira-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Home);
    }

    public string Home { get; }

    public Dictionary<string, string?> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Answers reads of standard input; the default is an empty stream.</summary>
    public Func<StringWriter, TextReader> Input { get; set; } = _ => new StringReader(string.Empty);

    public Func<Uri, bool> OpenBrowser { get; set; } = _ => false;

    public string DefaultProfilePath => Path.Combine(Home, ".config", "jira", "profile.json");

    public async Task<CliRun> RunAsync(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var context = new CliContext(output, error, Input(output), Environment)
        {
            HomeDirectory = Home,
            WorkingDirectory = Home,
            OpenBrowser = OpenBrowser,
            // The SDK's policy with waits short enough for a test run: same attempts, milliseconds instead of seconds.
            Retry = new JiraSdk.Http.JiraRetryOptions { InitialDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) },
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var code = await JiraCli.RunAsync(args, context, timeout.Token);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public void UseBasic(Uri site)
    {
        Environment["JIRA_URL"] = site.AbsoluteUri;
        Environment["JIRA_EMAIL"] = "ada@example.com";
        Environment["JIRA_API_TOKEN"] = "secret-api-token";
    }

    public static string BasicHeader => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ada@example.com:secret-api-token"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp directory is harmless
        }
    }
}

/// <summary>A standard input whose next line is produced when the tool asks for it (e.g. after the user visited a URL it printed).</summary>
internal sealed class PromptedInput : TextReader
{
    private readonly Func<Task<string>> _answer;

    public PromptedInput(Func<Task<string>> answer) => _answer = answer;

    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => await _answer();

    public override Task<string?> ReadLineAsync() => ReadLineAsync(CancellationToken.None).AsTask();
}
