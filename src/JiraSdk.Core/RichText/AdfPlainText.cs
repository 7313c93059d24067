using System.Globalization;
using System.Text;

namespace JiraSdk.RichText;

/// <summary>
/// ADF as plain text, for logs, chat messages and search snippets: blocks separated by blank lines, list items with
/// <c>- </c> / <c>1. </c> / <c>[ ] </c>, mentions as their display text, links as <c>text (url)</c>, table cells
/// separated by <c> | </c>. Formatting marks and nodes with no text (media, extensions without text, placeholders) are
/// reported as dropped.
/// </summary>
internal sealed class AdfPlainText
{
    private readonly AdfConversionReport? _report;

    private AdfPlainText(AdfConversionReport? report) => _report = report;

    public static string Write(AdfDocument document, AdfConversionReport? report) =>
        new AdfPlainText(report).Blocks(document.Content, "$").TrimEnd('\n');

    private string Blocks(IList<AdfNode>? blocks, string path)
    {
        if (blocks is null) return string.Empty;
        var parts = new List<string>(blocks.Count);
        for (var i = 0; i < blocks.Count; i++)
        {
            var text = Block(blocks[i], $"{path}.content[{i}]");
            if (text.Length > 0) parts.Add(text);
        }
        return string.Join("\n\n", parts);
    }

    private string Block(AdfNode node, string path)
    {
        DropMarks(node, path);
        switch (node)
        {
            case AdfParagraph or AdfHeading or AdfCodeBlock or AdfCaption:
                return Inlines(node.Content, path);
            case AdfBulletList:
                return Items(node, path, _ => "- ");
            case AdfOrderedList ordered:
                var start = (int)(ordered.Order ?? 1);
                return Items(node, path, i => (start + i).ToString(CultureInfo.InvariantCulture) + ". ");
            case AdfTaskList or AdfDecisionList:
                return Tasks(node, path);
            case AdfBlockquote:
                return Indent(Blocks(node.Content, path), "> ", "> ");
            case AdfRule:
                return "----";
            case AdfTable:
                return Table(node, path);
            case AdfExpand expand:
                return Titled(expand.Title, Blocks(node.Content, path));
            case AdfNestedExpand nested:
                return Titled(nested.Title, Blocks(node.Content, path));
            case AdfBlockCard card when card.Url is { } url:
                return url;
            case AdfEmbedCard card when card.Url is { } url:
                return url;
            case AdfExtension extension when extension.Text is { Length: > 0 } text:
                return text;
            case AdfMediaSingle or AdfMediaGroup:
                // The media inside have no text; a caption has.
                var caption = node.Content?.OfType<AdfCaption>().FirstOrDefault();
                for (var i = 0; i < (node.Content?.Count ?? 0); i++)
                    if (node.Content![i] is not AdfCaption) Drop($"{path}.content[{i}]", node.Content[i].Type, "the node (no text)");
                return caption is null ? string.Empty : Inlines(caption.Content, path);
        }
        if (node.Content is { Count: > 0 })
        {
            // Panels, layouts, bodied extensions, sync blocks and nodes this SDK does not know: their text.
            if (node is AdfUnknownNode) Drop(path, node.Type, "the node's type (its text is kept)");
            return node.Content.All(child => child.IsInline) ? Inlines(node.Content, path) : Blocks(node.Content, path);
        }
        Drop(path, node.Type, "the node (no text)");
        return string.Empty;
    }

    private static string Titled(string? title, string body) => string.IsNullOrEmpty(title) ? body : body.Length == 0 ? title! : title + "\n" + body;

    private string Items(AdfNode list, string path, Func<int, string> marker)
    {
        var text = new StringBuilder();
        var items = list.Content ?? new List<AdfNode>();
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) text.Append('\n');
            var first = marker(i);
            DropMarks(items[i], $"{path}.content[{i}]");
            text.Append(Indent(Blocks(items[i].Content, $"{path}.content[{i}]").Replace("\n\n", "\n"), first, new string(' ', first.Length)));
        }
        return text.ToString();
    }

    private string Tasks(AdfNode list, string path)
    {
        var text = new StringBuilder();
        var items = list.Content ?? new List<AdfNode>();
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}.content[{i}]";
            if (text.Length > 0) text.Append('\n');
            switch (items[i])
            {
                case AdfTaskItem task:
                    text.Append(task.State == "DONE" ? "[x] " : "[ ] ").Append(Inlines(task.Content, itemPath));
                    break;
                case AdfDecisionItem decision:
                    text.Append("- ").Append(Inlines(decision.Content, itemPath));
                    break;
                case AdfTaskList or AdfDecisionList:
                    text.Append(Indent(Tasks(items[i], itemPath), "  ", "  "));
                    break;
                default:
                    text.Append(Block(items[i], itemPath));
                    break;
            }
        }
        return text.ToString();
    }

    private string Table(AdfNode table, string path)
    {
        var text = new StringBuilder();
        var rows = table.Content ?? new List<AdfNode>();
        for (var r = 0; r < rows.Count; r++)
        {
            if (r > 0) text.Append('\n');
            var cells = rows[r].Content ?? new List<AdfNode>();
            for (var c = 0; c < cells.Count; c++)
            {
                if (c > 0) text.Append(" | ");
                text.Append(Blocks(cells[c].Content, $"{path}.content[{r}].content[{c}]").Replace("\n\n", " ").Replace('\n', ' '));
            }
        }
        return text.ToString();
    }

    private static string Indent(string text, string first, string rest)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++) lines[i] = (i == 0 ? first : rest) + lines[i];
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
            var link = DropMarks(node, nodePath);
            var start = text.Length;
            switch (node)
            {
                case AdfText t:
                    text.Append(t.Text);
                    break;
                case AdfHardBreak:
                    text.Append('\n');
                    break;
                case AdfMention mention:
                    var name = mention.Text ?? mention.Id ?? string.Empty;
                    text.Append(name.StartsWith("@", StringComparison.Ordinal) ? name : "@" + name);
                    break;
                case AdfEmoji emoji:
                    text.Append(emoji.Text ?? emoji.ShortName);
                    break;
                case AdfStatus status:
                    text.Append('[').Append(status.Text).Append(']');
                    break;
                case AdfDate date:
                    text.Append(AdfJsonValues.DateText(date.Timestamp));
                    break;
                case AdfInlineCard card when card.Url is { } url:
                    text.Append(url);
                    break;
                case AdfInlineExtension extension when extension.Text is { Length: > 0 } extensionText:
                    text.Append(extensionText);
                    break;
                default:
                    if (node.Content is { Count: > 0 }) text.Append(Inlines(node.Content, nodePath));
                    else Drop(nodePath, node.Type, "the node (no text)");
                    break;
            }
            // A link's target follows its text, once per run of linked nodes.
            if (link is not null && (i + 1 >= nodes.Count || !SameLink(nodes[i + 1], link)) && text.Length > start)
            {
                var shown = text.ToString(start, text.Length - start);
                if (!string.Equals(shown, link, StringComparison.Ordinal)) text.Append(" (").Append(link).Append(')');
            }
        }
        return text.ToString();
    }

    private static bool SameLink(AdfNode node, string href) =>
        node.Marks?.OfType<AdfLinkMark>().FirstOrDefault()?.Href is { } next && string.Equals(next, href, StringComparison.Ordinal);

    /// <summary>Reports a node's marks (plain text has no formatting) and returns a link's target, which the text keeps.</summary>
    private string? DropMarks(AdfNode node, string path)
    {
        if (node.Marks is null) return null;
        string? href = null;
        foreach (var mark in node.Marks)
        {
            if (mark is AdfLinkMark link) href = link.Href;
            else Drop(path, mark.Type, "the mark", isMark: true);
        }
        return href;
    }

    private void Drop(string path, string type, string what, bool isMark = false) => _report?.Drop(path, type, isMark, what);
}
