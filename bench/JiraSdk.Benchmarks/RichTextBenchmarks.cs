using BenchmarkDotNet.Attributes;
using JiraSdk.RichText;

namespace JiraSdk.Benchmarks;

/// <summary>
/// Converting a 100 KB ADF document (its JSON) to Markdown and back (issue 14: under 5 ms either way on one core).
/// The document mixes what Jira descriptions hold: headings, marked text, links, mentions, lists, task lists, code,
/// tables with Jira's attributes and panels.
/// </summary>
[MemoryDiagnoser]
public class RichTextBenchmarks
{
    private AdfDocument _document = null!;
    private string _markdown = null!;
    private string _json = null!;

    [GlobalSetup]
    public void Setup()
    {
        _document = new AdfDocument();
        for (var section = 0; _document.ToJson().Length < 100_000; section++)
        {
            var number = section;
            foreach (var block in Section(number).Blocks) _document.Blocks.Add(block);
        }
        _json = _document.ToJson();
        _markdown = _document.ToMarkdown();
    }

    private static AdfDocument Section(int section) => Adf.Document(d => d
        .Heading(2, "Section " + section)
        .Paragraph(p => p.Text("The release ").Strong("ships on Friday").Text(" unless ").Em("something").Text(" breaks; ask ")
            .Mention("5b10ac8d82e05b22cc7d4ef5", "@Ann").Text(" or read ").Link("the runbook", "https://example.com/runbook/" + section)
            .Text(". Use ").Code("jira issue get").Text(" to check.").HardBreak().Text("Second line with *stars* and [brackets]."))
        .BulletList(l => l.Item("first point").Item(i => i.Paragraph("second point").BulletList(n => n.Item("nested"))).Item("third point"))
        .TaskList(t => t.Task("write the notes", done: true).Task("tell support"))
        .CodeBlock("var client = new JiraClient(options);\nvar issue = await client.V3.Issues.GetIssueAsync(\"DOCS-1\");", "csharp")
        .Table(new[] { "Step", "Owner", "When" }, new[] { "build", "CI", "daily" }, new[] { "deploy", "ops", "Friday" })
        .Panel("info", p => p.Paragraph("Deploys freeze at 18:00 on Friday.")));

    [Benchmark(Description = "ADF (100 KB JSON) → Markdown")]
    public string AdfToMarkdown() => _document.ToMarkdown();

    [Benchmark(Description = "Markdown → ADF")]
    public AdfDocument MarkdownToAdf() => AdfDocument.FromMarkdown(_markdown);

    [Benchmark(Description = "ADF JSON → model → Markdown")]
    public string AdfJsonToMarkdown() => AdfDocument.Parse(_json).ToMarkdown();

    [Benchmark(Description = "ADF → plain text")]
    public string AdfToPlainText() => _document.ToPlainText();
}
