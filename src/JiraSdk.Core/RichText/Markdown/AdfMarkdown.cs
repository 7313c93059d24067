using Markdig;
using Markdig.Extensions.EmphasisExtras;

namespace JiraSdk.RichText.Markdown;

/// <summary>
/// Markdown ⇄ ADF: CommonMark with GitHub's tables, task lists and <c>~~strike~~</c>, plus directives
/// (<see cref="AdfDirectiveExtension"/>) for the nodes and marks Markdown has no syntax for.
/// </summary>
/// <remarks>
/// Round trip: <c>Read(Write(document))</c> is the same document for every document. The writer uses plain Markdown
/// where it reads back exactly, directives where Markdown has no syntax, and checks its own output: a block whose
/// Markdown would not read back the same is written with every mark as a directive, and failing that as the block's
/// JSON (<c>::adf{…}</c>).
/// </remarks>
internal static class AdfMarkdown
{
    /// <summary>The Markdig pipeline: immutable once built, shared by every conversion.</summary>
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseTaskLists()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .DisableHtml()
        .Use<AdfDirectiveExtension>()
        .Build();

    public static AdfDocument Read(string markdown) => AdfMarkdownReader.Read(Markdig.Markdown.Parse(markdown, Pipeline));

    public static string Write(AdfDocument document)
    {
        if (!AdfMarkdownWriter.IsPlainDocument(document)) return AdfMarkdownWriter.Raw(document);
        var markdown = new AdfMarkdownWriter(directiveMarks: false).WriteBlocks(document.Blocks);
        if (ReadsBackAs(markdown, document)) return markdown;

        // Some block does not read back the same: find which, and write those more explicitly.
        var parts = new List<string>(document.Blocks.Count);
        AdfNode? previous = null;
        foreach (var block in document.Blocks)
        {
            parts.Add(WriteChecked(block, previous));
            previous = block;
        }
        markdown = string.Join("\n\n", parts);
        return ReadsBackAs(markdown, document) ? markdown : AdfMarkdownWriter.Raw(document);
    }

    private static string WriteChecked(AdfNode block, AdfNode? previous)
    {
        var plain = new AdfMarkdownWriter(directiveMarks: false).WriteBlock(block, previous);
        if (ReadsBackAs(plain, block)) return plain;
        var directives = new AdfMarkdownWriter(directiveMarks: true).WriteBlock(block, previous);
        return ReadsBackAs(directives, block) ? directives : AdfMarkdownWriter.Raw(block);
    }

    private static bool ReadsBackAs(string markdown, AdfDocument document) => TryRead(markdown) is { } read && AdfNode.DeepEquals(read, document);

    private static bool ReadsBackAs(string markdown, AdfNode block) =>
        TryRead(markdown) is { Blocks.Count: 1 } read && AdfNode.DeepEquals(read.Blocks[0], block);

    // Output that does not even read (a directive whose JSON is not a node) is output to write differently.
    private static AdfDocument? TryRead(string markdown)
    {
        try
        {
            return Read(markdown);
        }
        catch (AdfFormatException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
