namespace JiraSdk.Cli;

/// <summary>
/// Everything the commands touch outside the process: the three standard streams, the environment, the network and
/// the browser. <see cref="JiraCli"/> runs in-process against any of them, which is how the tests drive it.
/// </summary>
internal sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, TextReader input, IReadOnlyDictionary<string, string?> environment)
    {
        Output = output;
        Error = error;
        Input = input;
        Environment = environment;
    }

    /// <summary>Results: tables, JSON, bodies, the public key.</summary>
    public TextWriter Output { get; }

    /// <summary>Progress, prompts, status lines and errors, so <see cref="Output"/> stays pipeable.</summary>
    public TextWriter Error { get; }

    /// <summary>Where prompted values (the OAuth 1.0a verifier) and <c>--data -</c> bodies are read from.</summary>
    public TextReader Input { get; }

    /// <summary>The environment variables the configuration reads (<c>JIRA_URL</c>, …).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    /// <summary>The innermost handler of every JiraClient the commands open; the SDK's own when <c>null</c>.</summary>
    public Func<HttpMessageHandler>? CreatePrimaryHandler { get; init; }

    /// <summary>Shows the user a URL to open (the OAuth 2.0 consent page); returns whether a browser was started.</summary>
    public Func<Uri, bool> OpenBrowser { get; init; } = _ => false;

    /// <summary>The clock for token expiry and timestamps.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How Jira calls are retried (429, transient failures); tests shorten the waits.</summary>
    public Http.JiraRetryOptions Retry { get; init; } = new();

    /// <summary>The user's home directory, for the default profile location.</summary>
    public string HomeDirectory { get; init; } = System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);

    /// <summary>The directory relative paths (<c>--out</c>, <c>--profile</c>) are resolved against.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    public string? GetEnvironment(string name) =>
        Environment.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    public string ResolvePath(string path) =>
        Path.GetFullPath(path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(HomeDirectory, path.Substring(2)) : path, WorkingDirectory);

    /// <summary>The real console, environment and network.</summary>
    public static CliContext FromProcess()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
            environment[(string)entry.Key] = entry.Value as string;
        return new CliContext(Console.Out, Console.Error, Console.In, environment) { OpenBrowser = SystemBrowser.TryOpen };
    }
}
