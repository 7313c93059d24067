using System.Security.Cryptography;
using JiraSdk.Testing;

namespace JiraSdk.EndToEnd.Tests.Readme;

/// <summary>
/// Every C# snippet of the READMEs compiles against the built libraries, and runs against a sandbox with its URL and
/// credentials put where the snippet has placeholders (see <see cref="ForSandbox"/>). A snippet marked
/// <c>// snippet: compile-only — why</c> is only compiled.
/// </summary>
[NonParallelizable] // a running snippet owns the process's console and the ASP.NET Core environment variables
public class ReadmeSnippetTests : SandboxFixture
{

    public static IEnumerable<TestCaseData> Snippets()
    {
        var root = ReadmeSnippet.RepositoryRoot();
        return ReadmeSnippet.ReadmeFiles(root).SelectMany(readme => ReadmeSnippet.Read(root, readme))
            .Select(snippet => new TestCaseData(snippet).SetName($"Readme snippet {snippet.File} line {snippet.Line}"));
    }

    [Test]
    public void The_readmes_have_snippets_and_the_extractor_finds_them()
    {
        var snippets = Snippets().ToList();
        // README.md has the sandbox, quick start and webhook programs; a README losing its code should be a decision, not an accident.
        Assert.That(snippets.Select(s => ((ReadmeSnippet)s.Arguments[0]!).File), Has.Exactly(3).EqualTo("README.md"));
    }

    [TestCaseSource(nameof(Snippets))]
    public async Task Compiles_and_runs_against_theSandbox(ReadmeSnippet snippet)
    {
        var (_, errors) = SnippetCompiler.Compile(snippet.ToString(), snippet.Code);
        Assert.That(errors, Is.Empty, $"{snippet} does not compile as written");
        if (snippet.CompileOnlyReason is { } reason)
        {
            Assert.That(reason, Is.Not.Empty, $"{snippet}: say why it cannot run");
            Assert.Pass($"compiled; not run: {reason}");
        }

        var (image, runnableErrors) = SnippetCompiler.Compile(snippet.ToString(), ForSandbox(snippet.Code));
        Assert.That(runnableErrors, Is.Empty, $"{snippet} does not compile with the sandbox's values");
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        // A web app in a snippet listens on a free loopback port and reads its webhook secret and its delivery queue's
        // file from configuration.
        var folder = Directory.CreateTempSubdirectory("jirasdk-snippet-").FullName;
        try
        {
            using (new EnvironmentVariables(("ASPNETCORE_URLS", "http://127.0.0.1:0"), ("Jira__WebhookSecret", secret),
                       ("Jira__QueueFile", Path.Combine(folder, "jira-webhooks.db"))))
            {
                var output = await SnippetCompiler.RunAsync(image!, TimeSpan.FromSeconds(60));
                TestContext.Out.WriteLine(output);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// The snippet with the sandbox in place of its placeholders: the example site URL, user and API token, and
    /// <c>app.Run()</c> (which serves until stopped) as a start and a stop.
    /// </summary>
    private string ForSandbox(string code) => code
        .Replace("https://your-domain.atlassian.net", Sandbox.SiteUrl.AbsoluteUri.TrimEnd('/'), StringComparison.Ordinal)
        .Replace("you@example.com", Sandbox.Credentials.Email, StringComparison.Ordinal)
        .Replace("Environment.GetEnvironmentVariable(\"JIRA_API_TOKEN\")", $"\"{Sandbox.Credentials.ApiToken}\"", StringComparison.Ordinal)
        .Replace("app.Run();", "await app.StartAsync(); await app.StopAsync();", StringComparison.Ordinal);

    /// <summary>Sets process environment variables and puts the old values back.</summary>
    private sealed class EnvironmentVariables : IDisposable
    {
        private readonly (string Name, string? Old)[] _saved;

        public EnvironmentVariables(params (string Name, string Value)[] values)
        {
            _saved = values.Select(v => (v.Name, Environment.GetEnvironmentVariable(v.Name))).ToArray();
            foreach (var (name, value) in values) Environment.SetEnvironmentVariable(name, value);
        }

        public void Dispose()
        {
            foreach (var (name, old) in _saved) Environment.SetEnvironmentVariable(name, old);
        }
    }
}
