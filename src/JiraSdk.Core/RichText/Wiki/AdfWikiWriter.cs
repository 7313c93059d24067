using System.Globalization;
using System.Text;

namespace JiraSdk.RichText.Wiki;

/// <summary>
/// ADF as Jira wiki markup (the rich text of REST API v2 and Data Center): headings <c>h1.</c>, lists <c>*</c>/<c>#</c>,
/// <c>{code}</c>, <c>{quote}</c>, panels as <c>{info}</c>/<c>{note}</c>/<c>{warning}</c>/<c>{tip}</c>/<c>{panel}</c>,
/// tables <c>||</c>/<c>|</c>, marks <c>*strong*</c> <c>_em_</c> <c>-strike-</c> <c>+underline+</c> <c>{{code}}</c>
/// <c>^sup^</c> <c>~sub~</c> <c>{color}</c> <c>[text|url]</c>, mentions <c>[~accountid:…]</c>. Whatever wiki markup
/// cannot express is reported as dropped.
/// </summary>
/// <remarks>Syntax: "Text Formatting Notation Help" of Jira (the wiki renderer's reference).</remarks>
internal sealed class AdfWikiWriter
{
    private readonly AdfConversionReport? _report;

    private AdfWikiWriter(AdfConversionReport? report) => _report = report;

    public static string Write(AdfDocument document, AdfConversionReport? report) => new AdfWikiWriter(report).Blocks(document.Content, "$", string.Empty);

    private string Blocks(IList<AdfNode>? blocks, string path, string listPrefix)
    {
        if (blocks is null) return string.Empty;
        var parts = new List<string>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var text = Block(blocks[i], $"{path}.content[{i}]", listPrefix);
            if (text.Length > 0) parts.Add(text);
        }
        return string.Join("\n\n", parts);
    }

    private string Block(AdfNode node, string path, string listPrefix)
    {
        DropBlockMarks(node, path);
        switch (node)
        {
            case AdfParagraph:
                return Inlines(node.Content, path);
            case AdfHeading heading:
                return "h" + ((int)(heading.Level ?? 1)).ToString(CultureInfo.InvariantCulture) + ". " + Inlines(node.Content, path);
            case AdfBulletList:
                return List(node, path, listPrefix + "*");
            case AdfOrderedList ordered:
                if (ordered.Order is { } order && order != 1) Drop(path, node.Type, "attribute 'order' (wiki lists start at 1)");
                return List(node, path, listPrefix + "#");
            case AdfTaskList:
                Drop(path, node.Type, "the task states (written as a bulleted list with [ ] and [x])");
                return Tasks(node, path, listPrefix + "*");
            case AdfDecisionList:
                Drop(path, node.Type, "the decision markers (written as a bulleted list)");
                return Tasks(node, path, listPrefix + "*");
            case AdfCodeBlock code:
                var body = string.Concat((node.Content ?? new List<AdfNode>()).OfType<AdfText>().Select(t => t.Text));
                return (code.Language is { Length: > 0 } language ? "{code:" + language + "}" : "{code}") + "\n" + body + "\n{code}";
            case AdfBlockquote:
                return "{quote}\n" + Blocks(node.Content, path, string.Empty) + "\n{quote}";
            case AdfPanel panel:
                var macro = panel.PanelType switch
                {
                    "info" => "info",
                    "note" => "note",
                    "warning" or "error" => "warning",
                    "success" or "tip" => "tip",
                    _ => "panel",
                };
                if (panel.PanelType is "error" or "custom" || panel.PanelColor is not null || panel.PanelIcon is not null)
                    Drop(path, node.Type, "the panel's type or colour beyond info/note/warning/tip");
                return "{" + macro + "}\n" + Blocks(node.Content, path, string.Empty) + "\n{" + macro + "}";
            case AdfRule:
                return "----";
            case AdfTable:
                return Table(node, path);
            case AdfExpand or AdfNestedExpand:
                Drop(path, node.Type, "the expand (its title and content are written out)");
                var title = node is AdfExpand expand ? expand.Title : ((AdfNestedExpand)node).Title;
                var inner = Blocks(node.Content, path, string.Empty);
                return string.IsNullOrEmpty(title) ? inner : "*" + Escape(title!) + "*\n" + inner;
            case AdfBlockCard or AdfEmbedCard when UrlOf(node) is { } url:
                return "[" + url + "|" + url + "|smart-link]";
        }
        if (node.Content is { Count: > 0 } content)
        {
            Drop(path, node.Type, "the node (its content is kept)");
            return content.All(child => child.IsInline) ? Inlines(content, path) : Blocks(content, path, string.Empty);
        }
        Drop(path, node.Type, "the node");
        return string.Empty;
    }

    private static string? UrlOf(AdfNode node) => node switch
    {
        AdfBlockCard card => card.Url,
        AdfEmbedCard card => card.Url,
        _ => null,
    };

    private string List(AdfNode list, string path, string prefix)
    {
        var lines = new List<string>();
        var items = list.Content ?? new List<AdfNode>();
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}.content[{i}]";
            var first = true;
            foreach (var (child, c) in (items[i].Content ?? new List<AdfNode>()).Select((child, c) => (child, c)))
            {
                var childPath = $"{itemPath}.content[{c}]";
                if (child is AdfBulletList or AdfOrderedList or AdfTaskList)
                {
                    lines.Add(Block(child, childPath, prefix));
                    continue;
                }
                var text = Block(child, childPath, string.Empty);
                lines.Add(first ? prefix + " " + text : text);
                first = false;
            }
        }
        return string.Join("\n", lines);
    }

    private string Tasks(AdfNode list, string path, string prefix)
    {
        var lines = new List<string>();
        var items = list.Content ?? new List<AdfNode>();
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}.content[{i}]";
            lines.Add(items[i] switch
            {
                // Escaped: unescaped brackets are a link in wiki markup ("[ ]" would become a link to " ").
                AdfTaskItem task => prefix + (task.State == "DONE" ? " \\[x\\] " : " \\[ \\] ") + Inlines(task.Content, itemPath),
                AdfDecisionItem decision => prefix + " " + Inlines(decision.Content, itemPath),
                AdfTaskList or AdfDecisionList => Tasks(items[i], itemPath, prefix + "*"),
                _ => Block(items[i], itemPath, prefix),
            });
        }
        return string.Join("\n", lines);
    }

    private string Table(AdfNode table, string path)
    {
        var lines = new List<string>();
        var rows = table.Content ?? new List<AdfNode>();
        for (var r = 0; r < rows.Count; r++)
        {
            var line = new StringBuilder();
            var cells = rows[r].Content ?? new List<AdfNode>();
            for (var c = 0; c < cells.Count; c++)
            {
                var cellPath = $"{path}.content[{r}].content[{c}]";
                var delimiter = cells[c] is AdfTableHeader ? "||" : "|";
                if (cells[c].Attributes is { Count: > 0 }) Drop(cellPath, cells[c].Type, "the cell's attributes (span, width, background)");
                line.Append(delimiter).Append(Blocks(cells[c].Content, cellPath, string.Empty).Replace("\n\n", "\\\\").Replace("\n", "\\\\"));
                if (c == cells.Count - 1) line.Append(delimiter);
            }
            lines.Add(line.ToString());
        }
        return string.Join("\n", lines);
    }

    private string Inlines(IList<AdfNode>? nodes, string path)
    {
        if (nodes is null) return string.Empty;
        var text = new StringBuilder();
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            var nodePath = $"{path}.content[{i}]";
            string atom;
            switch (node)
            {
                case AdfText t:
                    atom = node.Marks?.Any(m => m is AdfCodeMark) == true ? t.Text.Replace("}}", "}\\}") : Escape(t.Text);
                    break;
                case AdfHardBreak:
                    atom = "\n";
                    break;
                case AdfMention mention:
                    atom = "[~accountid:" + mention.Id + "]";
                    break;
                case AdfEmoji emoji:
                    atom = emoji.Text ?? emoji.ShortName ?? string.Empty;
                    break;
                case AdfStatus status:
                    Drop(nodePath, node.Type, "the status lozenge (its text is kept)");
                    atom = "*\\[" + Escape(status.Text ?? string.Empty) + "\\]*";
                    break;
                case AdfDate date:
                    Drop(nodePath, node.Type, "the date (written as text)");
                    atom = AdfJsonValues.DateText(date.Timestamp);
                    break;
                case AdfInlineCard card when card.Url is { } url:
                    atom = "[" + url + "|" + url + "|smart-link]";
                    break;
                default:
                    Drop(nodePath, node.Type, "the node");
                    atom = string.Empty;
                    break;
            }
            text.Append(Marked(atom, node, nodePath));
        }
        return text.ToString();
    }

    private string Marked(string text, AdfNode node, string path)
    {
        if (node.Marks is null || text.Length == 0) return text;
        // Innermost mark first, so the outermost wraps everything.
        for (var m = node.Marks.Count - 1; m >= 0; m--)
        {
            var mark = node.Marks[m];
            text = mark switch
            {
                AdfStrongMark => "*" + text + "*",
                AdfEmMark => "_" + text + "_",
                AdfStrikeMark => "-" + text + "-",
                AdfUnderlineMark => "+" + text + "+",
                AdfCodeMark => "{{" + text + "}}",
                AdfSubsupMark subsup => subsup.SubsupType == "sup" ? "^" + text + "^" : "~" + text + "~",
                AdfTextColorMark color => "{color:" + color.Color + "}" + text + "{color}",
                AdfLinkMark link => "[" + text + "|" + link.Href + "]",
                _ => DropMark(path, mark, text),
            };
        }
        return text;
    }

    private string DropMark(string path, AdfMark mark, string text)
    {
        _report?.Drop(path, mark.Type, isMark: true, "the mark");
        return text;
    }

    private void DropBlockMarks(AdfNode node, string path)
    {
        if (node.Marks is null) return;
        foreach (var mark in node.Marks) _report?.Drop(path, mark.Type, isMark: true, "the mark");
    }

    private void Drop(string path, string type, string what) => _report?.Drop(path, type, isMark: false, what);

    /// <summary>Backslash-escapes what the wiki renderer would read as markup.</summary>
    internal static string Escape(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var edge = i == 0 || i == text.Length - 1 || char.IsWhiteSpace(text[i - 1]) || char.IsWhiteSpace(text[i + 1]) || char.IsPunctuation(text[i - 1]) || char.IsPunctuation(text[i + 1]);
            if (c is '{' or '}' or '[' or ']' or '|' or '!' or '\\' || (c == '#' && i == 0) || (c is '*' or '_' or '-' or '+' or '^' or '~' or '?' && edge)) result.Append('\\');
            result.Append(c);
        }
        return result.ToString();
    }
}
