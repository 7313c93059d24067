using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;

namespace JiraSdk.EndToEnd.Tests.Readme;

/// <summary>
/// One <c>```csharp</c> block of a README. A block is a whole program (top-level statements, then any types). A comment
/// <c>// snippet: compile-only — why</c> in it means it is compiled but not run (e.g. it needs a browser for OAuth consent).
/// </summary>
public sealed record ReadmeSnippet(string File, int Line, string Code)
{
    private static readonly Regex CompileOnlyMarker = new(@"//\s*snippet:\s*compile-only\b\s*(?<reason>.*)", RegexOptions.CultureInvariant);

    /// <summary>Why the snippet is not run, or <c>null</c> when it runs.</summary>
    public string? CompileOnlyReason =>
        CompileOnlyMarker.Match(Code) is { Success: true } match ? match.Groups["reason"].Value.Trim(' ', '—', '-', ':') : null;

    /// <summary>The READMEs whose snippets are tested: the repository's and each package's.</summary>
    public static IEnumerable<string> ReadmeFiles(string root) =>
        new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.GetDirectories(Path.Combine(root, "src")).Select(d => Path.Combine(d, "README.md")).Where(System.IO.File.Exists).Order(StringComparer.Ordinal));

    /// <summary>Every C# block of a README, read with a Markdown parser (so blocks inside list items count too).</summary>
    public static IEnumerable<ReadmeSnippet> Read(string root, string readme)
    {
        var document = Markdown.Parse(System.IO.File.ReadAllText(readme));
        var relative = Path.GetRelativePath(root, readme).Replace('\\', '/');
        foreach (var block in document.Descendants<FencedCodeBlock>())
        {
            if (!string.Equals(block.Info, "csharp", StringComparison.Ordinal) && !string.Equals(block.Info, "cs", StringComparison.Ordinal)) continue;
            yield return new ReadmeSnippet(relative, block.Line + 1, block.Lines.ToString());
        }
    }

    /// <summary>The repository root: the directory holding JiraSdk.sln above the test's output directory.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
            if (System.IO.File.Exists(Path.Combine(directory.FullName, "JiraSdk.sln"))) return directory.FullName;
        throw new InvalidOperationException("JiraSdk.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }

    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}";
}
