using System.Text.Json.Nodes;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace JiraSdk.RichText.Markdown;

/// <summary>
/// The directive syntax for what Markdown has no syntax of its own for (generic directives, as proposed for CommonMark):
/// <list type="bullet">
/// <item><c>:name{json}</c> — an inline node (<c>:mention{"id":"…","text":"@Ann"}</c>);</item>
/// <item><c>:name[inline Markdown]{json}</c> — a mark over inline content (<c>:underline[text]</c>, <c>:textColor[red]{"color":"#ff0000"}</c>);</item>
/// <item><c>::name{json}</c> on a line of its own — a block node without content (<c>::blockCard{"url":"…"}</c>);</item>
/// <item><c>:::name{json}</c> … <c>:::</c> — a block node with content (<c>:::panel{"panelType":"info"}</c>); an outer
/// directive has more colons than the directives nested in it.</item>
/// </list>
/// <c>json</c> is the node's or mark's <c>attrs</c> object (omitted when it has none). The name <c>adf</c> carries a whole
/// node or mark as JSON (with its <c>type</c>, and no <c>content</c> when written as a container).
/// </summary>
internal sealed class AdfDirectiveExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<DirectiveBlockParser>()) pipeline.BlockParsers.Insert(0, new DirectiveBlockParser());
        if (!pipeline.InlineParsers.Contains<DirectiveInlineParser>()) pipeline.InlineParsers.Insert(0, new DirectiveInlineParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer) { }
}

/// <summary>A <c>::name{json}</c> line.</summary>
internal sealed class DirectiveLeafBlock : LeafBlock
{
    public DirectiveLeafBlock(BlockParser parser, string name, JsonObject? json) : base(parser)
    {
        Name = name;
        Json = json;
    }

    public string Name { get; }

    public JsonObject? Json { get; }
}

/// <summary>A <c>:::name{json}</c> … <c>:::</c> container.</summary>
internal sealed class DirectiveContainerBlock : ContainerBlock
{
    public DirectiveContainerBlock(BlockParser parser, string name, JsonObject? json, int colons) : base(parser)
    {
        Name = name;
        Json = json;
        Colons = colons;
    }

    public string Name { get; }

    public JsonObject? Json { get; }

    public int Colons { get; }
}

/// <summary>A <c>:name{json}</c> or <c>:name[…]{json}</c> in running text.</summary>
internal sealed class DirectiveInline : LeafInline
{
    public DirectiveInline(string name, JsonObject? json, ContainerInline? content)
    {
        Name = name;
        Json = json;
        Content = content;
    }

    public string Name { get; }

    public JsonObject? Json { get; }

    /// <summary>The parsed <c>[…]</c> part; <c>null</c> for an inline node.</summary>
    public ContainerInline? Content { get; }
}

internal sealed class DirectiveBlockParser : BlockParser
{
    public DirectiveBlockParser()
    {
        OpeningCharacters = new[] { ':' };
    }

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent) return BlockState.None;
        var line = processor.Line.ToString();
        if (!DirectiveSyntax.TryParseBlockLine(line, out var colons, out var name, out var json)) return BlockState.None;
        if (colons == 2)
        {
            processor.NewBlocks.Push(new DirectiveLeafBlock(this, name, json) { Line = processor.LineIndex, Column = processor.Column });
            return BlockState.BreakDiscard;
        }
        processor.NewBlocks.Push(new DirectiveContainerBlock(this, name, json, colons) { Line = processor.LineIndex, Column = processor.Column });
        return BlockState.ContinueDiscard;
    }

    public override BlockState TryContinue(BlockProcessor processor, Block block)
    {
        if (block is not DirectiveContainerBlock container) return BlockState.None;
        if (!processor.IsCodeIndent)
        {
            var line = processor.Line.ToString().Trim();
            if (line.Length >= container.Colons && line.All(c => c == ':'))
            {
                block.UpdateSpanEnd(processor.Line.End);
                return BlockState.BreakDiscard;
            }
        }
        return BlockState.Continue;
    }
}

internal sealed class DirectiveInlineParser : InlineParser
{
    public DirectiveInlineParser()
    {
        OpeningCharacters = new[] { ':' };
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var start = slice.Start;
        if (!DirectiveSyntax.TryParseInline(text, start, slice.End + 1, out var name, out var contentText, out var json, out var end)) return false;
        ContainerInline? content = null;
        if (contentText is not null)
        {
            content = new ContainerInline();
            var document = Markdig.Markdown.Parse(contentText, AdfMarkdown.Pipeline);
            if (document.Count > 0 && document[0] is ParagraphBlock { Inline: { } inlines })
            {
                // Move the parsed inlines under this directive.
                while (inlines.FirstChild is { } child)
                {
                    child.Remove();
                    content.AppendChild(child);
                }
            }
        }
        processor.Inline = new DirectiveInline(name, json, content) { Span = new SourceSpan(start, end - 1) };
        slice.Start = end;
        return true;
    }
}

/// <summary>Scans the directive syntax in text (no Markdig types, so the writer can use it to decide what to escape).</summary>
internal static class DirectiveSyntax
{
    public static bool IsNameStart(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    public static bool IsNameChar(char c) => IsNameStart(c) || c is >= '0' and <= '9' or '_' or '-';

    /// <summary>Whether <paramref name="text"/> at <paramref name="index"/> (a colon) could start an inline directive.</summary>
    public static bool LooksLikeInline(string text, int index)
    {
        var i = index + 1;
        if (i >= text.Length || !IsNameStart(text[i])) return false;
        while (i < text.Length && IsNameChar(text[i])) i++;
        return i >= text.Length || text[i] is '[' or '{';
    }

    public static bool TryParseBlockLine(string line, out int colons, out string name, out JsonObject? json)
    {
        name = string.Empty;
        json = null;
        var i = 0;
        while (i < line.Length && line[i] == ':') i++;
        colons = i;
        if (colons < 2 || i >= line.Length || !IsNameStart(line[i])) return false;
        var nameStart = i;
        while (i < line.Length && IsNameChar(line[i])) i++;
        name = line.Substring(nameStart, i - nameStart);
        if (i < line.Length && line[i] == '{')
        {
            var close = SkipJson(line, i, line.Length);
            if (close < 0 || !TryReadJson(line.Substring(i, close - i), out json)) return false;
            i = close;
        }
        return line.Substring(i).Trim().Length == 0;
    }

    public static bool TryParseInline(string text, int start, int limit, out string name, out string? content, out JsonObject? json, out int end)
    {
        name = string.Empty;
        content = null;
        json = null;
        end = start;
        var i = start + 1;
        if (i >= limit || !IsNameStart(text[i])) return false;
        while (i < limit && IsNameChar(text[i])) i++;
        name = text.Substring(start + 1, i - start - 1);
        if (i < limit && text[i] == '[')
        {
            var close = SkipBrackets(text, i, limit);
            if (close < 0) return false;
            content = text.Substring(i + 1, close - i - 2);
            i = close;
        }
        if (i < limit && text[i] == '{')
        {
            var close = SkipJson(text, i, limit);
            if (close < 0 || !TryReadJson(text.Substring(i, close - i), out json)) return false;
            i = close;
        }
        else if (content is null) return false;
        end = i;
        return true;
    }

    private static bool TryReadJson(string json, out JsonObject? value)
    {
        try
        {
            value = JsonNode.Parse(json) as JsonObject;
            return value is not null;
        }
        catch (System.Text.Json.JsonException)
        {
            value = null;
            return false;
        }
    }

    /// <summary>The index after the JSON object starting at <paramref name="i"/>, or -1.</summary>
    private static int SkipJson(string text, int i, int limit)
    {
        var depth = 0;
        var inString = false;
        for (; i < limit; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            switch (c)
            {
                case '"': inString = true; break;
                case '{': case '[': depth++; break;
                case '}': case ']':
                    if (--depth == 0) return i + 1;
                    break;
                case '\n': return -1;
            }
        }
        return -1;
    }

    /// <summary>The index after the <c>]</c> matching the <c>[</c> at <paramref name="i"/>, skipping escapes, code spans and JSON; or -1.</summary>
    private static int SkipBrackets(string text, int i, int limit)
    {
        var depth = 0;
        for (; i < limit; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\':
                    i++;
                    break;
                case '`':
                    var run = 0;
                    while (i + run < limit && text[i + run] == '`') run++;
                    var closing = FindBacktickRun(text, i + run, limit, run);
                    if (closing < 0) i += run - 1;
                    else i = closing + run - 1;
                    break;
                case '{':
                    var after = SkipJson(text, i, limit);
                    if (after < 0) return -1;
                    i = after - 1;
                    break;
                case '[':
                    depth++;
                    break;
                case ']':
                    if (--depth == 0) return i + 1;
                    break;
            }
        }
        return -1;
    }

    private static int FindBacktickRun(string text, int from, int limit, int run)
    {
        for (var i = from; i < limit; i++)
        {
            if (text[i] != '`') continue;
            var length = 0;
            while (i + length < limit && text[i + length] == '`') length++;
            if (length == run) return i;
            i += length - 1;
        }
        return -1;
    }
}
