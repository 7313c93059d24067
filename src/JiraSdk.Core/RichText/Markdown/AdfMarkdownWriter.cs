using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JiraSdk.RichText.Markdown;

/// <summary>Writes ADF as Markdown; <see cref="AdfMarkdown.Write"/> checks the result reads back the same.</summary>
internal sealed class AdfMarkdownWriter
{
    private readonly bool _directiveMarks;
    private int _colons;

    public AdfMarkdownWriter(bool directiveMarks)
    {
        _directiveMarks = directiveMarks;
    }

    public static bool IsPlainDocument(AdfDocument document) =>
        document.Attributes is null && document.Marks is null && document.Content is not null
        && document.Properties is { Count: 1 } properties && properties["version"] is JsonValue version && version.ToJsonString() == "1";

    public static string Raw(AdfNode node) => "::adf" + Json(AdfJson.ToJsonObject(node));

    public string WriteBlocks(IList<AdfNode> blocks, bool inListItem = false)
    {
        var text = new StringBuilder();
        AdfNode? previous = null;
        foreach (var block in blocks)
        {
            // In a list item, a nested list follows its paragraph on the next line, as people write it.
            if (previous is not null)
                text.Append(inListItem && previous is AdfParagraph && block is AdfBulletList or AdfTaskList or AdfOrderedList { Attributes: null } ? "\n" : "\n\n");
            text.Append(WriteBlock(block, previous));
            previous = block;
        }
        return text.ToString();
    }

    public string WriteBlock(AdfNode node, AdfNode? previous)
    {
        // The reader makes an image from a URL only of a top-level paragraph: nested ones stay directives.
        _blockDepth++;
        try
        {
            return _blockDepth == 1 && !_directiveMarks && ExternalImage(node) is { } image ? image : WriteNestedBlock(node, previous);
        }
        finally
        {
            _blockDepth--;
        }
    }

    private int _blockDepth;

    // A mediaSingle (layout center, nothing else) around one external media node (url, alt): "![alt](url)".
    private static string? ExternalImage(AdfNode node)
    {
        if (node is not AdfMediaSingle || node.Marks is not null || node.Properties is not null || node.Attributes is not { Count: 1 } attrs
            || AdfJsonValues.GetString(attrs, "layout") != "center" || node.Content is not { Count: 1 } content) return null;
        var media = content[0] as AdfMedia;
        if (media is null || media.Marks is not null || media.Properties is not null || media.Content is not null || media.MediaType != "external"
            || media.Url is not { Length: > 0 } url || url.Any(char.IsControl) || media.Attributes!.Count != (media.Alt is null ? 2 : 3)) return null;
        var alt = new StringBuilder();
        if (media.Alt is { } text) Escape(text, alt, startsLine: false);
        return "![" + alt + "](" + Destination(url) + ")";
    }

    private string WriteNestedBlock(AdfNode node, AdfNode? previous)
    {
        switch (node)
        {
            case AdfParagraph when IsBare(node) && node.Content is { Count: > 0 }:
                return WriteInlines(node.Content);
            case AdfHeading when IsHeadingPlain(node, out var level):
                var heading = WriteInlines(node.Content!);
                if (heading.IndexOf('\n') < 0) return new string('#', level) + " " + heading;
                break;
            case AdfBlockquote when IsBare(node) && node.Content is { Count: > 0 }:
                return Prefix(WriteBlocks(node.Content), "> ", "> ", ">");
            case AdfBulletList when IsBare(node) && IsPlainItems(node):
                return WriteList(node, index => ListMarker(previous) == '-' ? "* " : "- ");
            case AdfOrderedList when IsOrderedPlain(node, out var start):
                var delimiter = previous is AdfOrderedList ? ')' : '.';
                // A previous ordered list written with ')' takes '.' and vice versa, so adjacent lists stay apart.
                if (previous is AdfOrderedList && _lastOrderedDelimiter == ')') delimiter = '.';
                _lastOrderedDelimiter = delimiter;
                return WriteList(node, index => (start + index).ToString(CultureInfo.InvariantCulture) + delimiter + " ");
            case AdfTaskList when IsTaskListPlain(node):
                return WriteTaskList(node, ListMarker(previous) == '-' ? "* " : "- ");
            case AdfCodeBlock when IsCodePlain(node, out var language, out var code):
                return Fence(language, code);
            case AdfRule when IsBare(node) && node.Content is null:
                return "---";
            case AdfTable when IsBare(node) && IsTablePlain(node):
                return WriteTable(node);
            case AdfTable when node.Marks is null && node.Properties is null && node.Attributes is not null && IsTablePlain(node):
                // Jira's tables carry attributes (layout, localId): the rows stay a Markdown table inside the directive.
                return Container("table", node.Attributes, WriteTable(node), 3);
        }
        return WriteDirective(node);
    }

    private char _lastOrderedDelimiter = '.';

    private static char ListMarker(AdfNode? previous) => previous is AdfBulletList or AdfTaskList ? '-' : '*';

    private string WriteDirective(AdfNode node)
    {
        var unknownWithContent = node is AdfUnknownNode && node.Content is { Count: > 0 };
        if (unknownWithContent) return Raw(node);
        string name;
        JsonObject? json;
        if (node.Marks is not null || node.Properties is not null)
        {
            name = "adf";
            json = AdfJson.ToJsonObject(node);
            json.Remove("content");
        }
        else
        {
            name = node.Type;
            json = node.Attributes;
        }
        if (node.Content is null) return "::" + name + Json(json);
        var saved = _colons;
        _colons = 0;
        var inner = node.HasInlineContent ? (node.Content.Count == 0 ? string.Empty : WriteInlines(node.Content)) : WriteBlocks(node.Content);
        var colons = Math.Max(3, _colons + 1);
        _colons = Math.Max(saved, colons);
        return Container(name, json, inner, colons);
    }

    private string Container(string name, JsonObject? json, string inner, int colons)
    {
        _colons = Math.Max(_colons, colons);
        var fence = new string(':', colons);
        return inner.Length == 0 ? fence + name + Json(json) + "\n" + fence : fence + name + Json(json) + "\n" + inner + "\n" + fence;
    }

    private static string Json(JsonObject? json) => json is null ? string.Empty : Readable(json.ToJsonString(AdfJson.Options));

    /// <summary>System.Text.Json escapes characters outside the Basic Multilingual Plane (emoji); Markdown is for people, so write them as they are.</summary>
    internal static string Readable(string json)
    {
        if (json.IndexOf("\\uD", StringComparison.OrdinalIgnoreCase) < 0) return json;
        var text = new StringBuilder(json.Length);
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] == '\\' && i + 11 < json.Length && json[i + 1] == 'u' && json[i + 6] == '\\' && json[i + 7] == 'u'
                && ushort.TryParse(json.Substring(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var high) && char.IsHighSurrogate((char)high)
                && ushort.TryParse(json.Substring(i + 8, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var low) && char.IsLowSurrogate((char)low))
            {
                text.Append((char)high).Append((char)low);
                i += 11;
                continue;
            }
            if (json[i] == '\\' && i + 1 < json.Length)
            {
                // Any other escape is copied whole, so an escaped backslash is never read as the start of a \u escape.
                text.Append(json[i]).Append(json[i + 1]);
                i++;
                continue;
            }
            text.Append(json[i]);
        }
        return text.ToString();
    }

    private static bool IsBare(AdfNode node) => node.Attributes is null && node.Marks is null && node.Properties is null;

    private static bool IsHeadingPlain(AdfNode node, out int level)
    {
        level = 0;
        return node.Marks is null && node.Properties is null && node.Content is { Count: > 0 } content
            && node.Attributes is { Count: 1 } attrs && attrs["level"] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && int.TryParse(value.ToJsonString(), NumberStyles.None, CultureInfo.InvariantCulture, out level) && level is >= 1 and <= 6
            && !content.Any(child => child is AdfHardBreak);
    }

    private static bool IsOrderedPlain(AdfNode node, out int start)
    {
        start = 1;
        if (node.Marks is not null || node.Properties is not null || !IsPlainItems(node)) return false;
        if (node.Attributes is null) return true;
        return node.Attributes is { Count: 1 } attrs && attrs["order"] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && int.TryParse(value.ToJsonString(), NumberStyles.None, CultureInfo.InvariantCulture, out start) && start != 1 && start < 100_000_000;
    }

    private static bool IsPlainItems(AdfNode list) =>
        list.Content is { Count: > 0 } items && items.All(item => item is AdfListItem && IsBare(item) && item.Content is not null);

    private static bool IsTaskListPlain(AdfNode node)
    {
        if (node.Marks is not null || node.Properties is not null || !IsEmptyLocalId(node.Attributes, 1)) return false;
        if (node.Content is not { Count: > 0 } content || content[0] is not AdfTaskItem) return false;
        return content.All(child => child switch
        {
            AdfTaskItem item => item.Marks is null && item.Properties is null && IsEmptyLocalId(item.Attributes, 2)
                && item.Attributes!["state"] is JsonValue state && state.GetValueKind() == JsonValueKind.String && state.GetValue<string>() is "TODO" or "DONE"
                && item.Content is { Count: > 0 },
            AdfTaskList => IsTaskListPlain(child),
            _ => false,
        });
    }

    private static bool IsEmptyLocalId(JsonObject? attrs, int count) =>
        attrs is not null && attrs.Count == count && attrs["localId"] is JsonValue id && id.GetValueKind() == JsonValueKind.String && id.GetValue<string>().Length == 0;

    private static bool IsCodePlain(AdfNode node, out string? language, out string? code)
    {
        language = null;
        code = null;
        if (node.Marks is not null || node.Properties is not null) return false;
        if (node.Attributes is { } attrs)
        {
            if (attrs.Count != 1 || attrs["language"] is not JsonValue value || value.GetValueKind() != JsonValueKind.String) return false;
            language = value.GetValue<string>();
            if (language.Length == 0 || language.Any(c => char.IsWhiteSpace(c) || c is '`' or '\\' or '&' or '~')) return false;
        }
        if (node.Content is null) return true;
        if (node.Content is not { Count: 1 } content || content[0] is not AdfText text || text.Marks is not null || text.Attributes is not null || text.Properties!.Count != 1) return false;
        code = text.Text;
        return code.Length > 0;
    }

    private static string Fence(string? language, string? code)
    {
        var longest = 0;
        if (code is not null)
        {
            var run = 0;
            foreach (var c in code)
            {
                run = c == '`' ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }
        }
        var fence = new string('`', Math.Max(3, longest + 1));
        return code is null ? fence + language + "\n" + fence : fence + language + "\n" + code + "\n" + fence;
    }

    private string WriteList(AdfNode list, Func<int, string> marker)
    {
        var text = new StringBuilder();
        var items = list.Content!;
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) text.Append('\n');
            var first = marker(i);
            var body = WriteBlocks(items[i].Content!, inListItem: true);
            text.Append(body.Length == 0 ? first.TrimEnd() : Prefix(body, first, new string(' ', first.Length), string.Empty));
        }
        return text.ToString();
    }

    private string WriteTaskList(AdfNode list, string marker)
    {
        var text = new StringBuilder();
        foreach (var child in list.Content!)
        {
            if (child is AdfTaskItem item)
            {
                if (text.Length > 0) text.Append('\n');
                var box = item.State == "DONE" ? "[x] " : "[ ] ";
                text.Append(Prefix(WriteInlines(item.Content!), marker + box, new string(' ', marker.Length), string.Empty));
            }
            else text.Append('\n').Append(Prefix(WriteTaskList(child, marker), new string(' ', marker.Length), new string(' ', marker.Length), string.Empty));
        }
        return text.ToString();
    }

    private static bool IsTablePlain(AdfNode table)
    {
        if (table.Content is not { Count: > 0 } rows) return false;
        var width = -1;
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r] is not AdfTableRow row || !IsBare(row) || row.Content is not { Count: > 0 } cells) return false;
            if (width < 0) width = cells.Count;
            else if (cells.Count != width) return false;
            for (var c = 0; c < cells.Count; c++)
            {
                var cell = cells[c];
                if (r == 0 ? cell is not AdfTableHeader : cell is not AdfTableCell) return false;
                if (!IsBare(cell) || cell.Content is not { Count: 1 } content || content[0] is not AdfParagraph paragraph) return false;
                // A column's alignment is its delimiter (":-:", "--:"), so every cell of the column has the same.
                if (CellAlignment(paragraph) is not { } align || align != CellAlignment((AdfParagraph)rows[0].Content![c].Content![0])) return false;
                if (paragraph.Content is { Count: 0 }) return false;
                if (paragraph.Content is { } inline && inline.Any(child => child is AdfHardBreak)) return false;
            }
        }
        return true;
    }

    // A cell paragraph's alignment ("" for none), or null when it has anything else a GitHub table cannot write.
    private static string? CellAlignment(AdfParagraph paragraph)
    {
        if (paragraph.Attributes is not null || paragraph.Properties is not null) return null;
        if (paragraph.Marks is null) return string.Empty;
        return paragraph.Marks is { Count: 1 } marks && marks[0] is AdfAlignmentMark { Properties: null, Attributes.Count: 1, Align: "center" or "end" } alignment
            ? alignment.Align
            : null;
    }

    private string WriteTable(AdfNode table)
    {
        var text = new StringBuilder();
        var rows = table.Content!;
        for (var r = 0; r < rows.Count; r++)
        {
            if (r > 0) text.Append('\n');
            text.Append('|');
            foreach (var cell in rows[r].Content!)
            {
                var paragraph = cell.Content![0];
                text.Append(' ').Append(paragraph.Content is null ? string.Empty : WriteInlines(paragraph.Content)).Append(" |");
            }
            if (r == 0)
            {
                text.Append("\n|");
                foreach (var header in rows[0].Content!)
                    text.Append(CellAlignment((AdfParagraph)header.Content![0]) switch { "center" => " :-: |", "end" => " --: |", _ => " --- |" });
            }
        }
        return text.ToString();
    }

    private static string Prefix(string text, string first, string rest, string blank)
    {
        var lines = text.Split('\n');
        var result = new StringBuilder(text.Length + lines.Length * rest.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) result.Append('\n');
            if (i == 0) result.Append(first).Append(lines[i]);
            else if (lines[i].Length == 0) result.Append(blank);
            else result.Append(rest).Append(lines[i]);
        }
        return result.ToString();
    }

    // ---- inline content ----

    public string WriteInlines(IList<AdfNode> nodes)
    {
        var text = new StringBuilder();
        WriteInlines(nodes, 0, nodes.Count, 0, text, startsLine: true);
        return FixLineEdges(text.ToString());
    }

    // startsLine: whether the start of text is the start of a line in the output (text inside **…** is not; the content
    // of a directive is parsed as a paragraph of its own, so it is).
    private void WriteInlines(IList<AdfNode> nodes, int from, int to, int depth, StringBuilder text, bool startsLine)
    {
        var i = from;
        while (i < to)
        {
            var mark = MarkAt(nodes[i], depth);
            if (mark is null)
            {
                WriteAtom(nodes, i, text, startsLine);
                i++;
                continue;
            }
            var j = i + 1;
            while (j < to && MarkAt(nodes[j], depth) is { } next && AdfMark.DeepEquals(next, mark)) j++;
            var inner = new StringBuilder();
            WriteInlines(nodes, i, j, depth + 1, inner, startsLine: false);
            text.Append(Wrap(mark, inner.ToString(), nodes, i, j, depth));
            i = j;
        }
    }

    private static AdfMark? MarkAt(AdfNode node, int depth) => node.Marks is { } marks && marks.Count > depth ? marks[depth] : null;

    private string Wrap(AdfMark mark, string inner, IList<AdfNode> nodes, int from, int to, int depth)
    {
        if (!_directiveMarks)
        {
            switch (mark)
            {
                case AdfStrongMark when IsBareMark(mark) && Flanks(inner):
                    return "**" + inner + "**";
                // Strong around emphasis: "***x***" would read back as emphasis around strong, "**_x_**" reads as written.
                case AdfStrongMark when IsBareMark(mark) && Wrapped(inner, "*") is { } emphasized && Flanks(emphasized):
                    return "**_" + emphasized + "_**";
                case AdfStrongMark when IsBareMark(mark) && FlanksMarked(inner):
                    return "**" + inner + "**";
                case AdfEmMark when IsBareMark(mark) && Flanks(inner):
                    return "*" + inner + "*";
                // Emphasis around strong: "***x***" (CommonMark reads it as <em><strong>x</strong></em>).
                case AdfEmMark when IsBareMark(mark) && Wrapped(inner, "**") is { } strong && Flanks(strong):
                    return "*" + inner + "*";
                case AdfEmMark when IsBareMark(mark) && FlanksMarked(inner):
                    return "*" + inner + "*";
                case AdfStrikeMark when IsBareMark(mark) && (Flanks(inner) || FlanksMarked(inner)):
                    return "~~" + inner + "~~";
                case AdfCodeMark when IsBareMark(mark) && to == from + 1 && nodes[from] is AdfText code && code.Marks!.Count == depth + 1
                                      && code.Text.IndexOf('\n') < 0 && code.Text.IndexOf('\r') < 0:
                    return CodeSpan(code.Text);
                case AdfLinkMark link when mark.Properties is null && IsPlainLink(link, out var href, out var title) && inner.Length > 0:
                    return "[" + inner + "](" + href + (title is null ? string.Empty : " \"" + EscapeTitle(title) + "\"") + ")";
            }
        }
        // A directive's content is read as a paragraph of its own: write it again as starting a line.
        var content = new StringBuilder();
        WriteInlines(nodes, from, to, depth + 1, content, startsLine: true);
        inner = FixLineEdges(content.ToString());
        if (mark.Properties is not null) return ":adf[" + inner + "]" + Json(AdfJson.ToJsonObject(mark));
        return ":" + mark.Type + "[" + inner + "]" + Json(mark.Attributes);
    }

    private static bool IsBareMark(AdfMark mark) => mark.Attributes is null && mark.Properties is null;

    // Emphasis delimiters open and close reliably when the text inside starts and ends with a letter or digit.
    private static bool Flanks(string inner) => inner.Length > 0 && char.IsLetterOrDigit(inner[0]) && char.IsLetterOrDigit(inner[inner.Length - 1]);

    // The text between a delimiter pair the writer put around the whole of inner, if it did.
    private static string? Wrapped(string inner, string delimiter)
    {
        if (inner.Length <= 2 * delimiter.Length || !inner.StartsWith(delimiter, StringComparison.Ordinal) || !inner.EndsWith(delimiter, StringComparison.Ordinal)) return null;
        var body = inner.Substring(delimiter.Length, inner.Length - 2 * delimiter.Length);
        return body.Length > 0 && body[0] != delimiter[0] && body[body.Length - 1] != delimiter[0] ? body : null;
    }

    // Inner text that is itself one marked span (strike, or the other emphasis) around flanking text: the outer
    // delimiter then touches punctuation, which CommonMark accepts at a word's edge (the writer checks the read-back).
    // Not code: ADF's code mark combines only with link and annotation, and the reader reads **`x`** as code alone.
    private static bool FlanksMarked(string inner) =>
        (Wrapped(inner, "~~") is { } strike && Flanks(strike))
        || (Wrapped(inner, "**") is { } strong && Flanks(strong))
        || (Wrapped(inner, "*") is { } em && Flanks(em));

    private static bool IsPlainLink(AdfLinkMark link, out string href, out string? title)
    {
        href = string.Empty;
        title = null;
        var attrs = link.Attributes;
        if (attrs is null || link.Href is not { } url) return false;
        if (attrs.Count == 2 && link.Title is { Length: > 0 } t) title = t;
        else if (attrs.Count != 1) return false;
        if (url.Any(char.IsControl)) return false;
        href = Destination(url);
        return true;
    }

    // A link or image destination: in angle brackets when it is empty or has spaces, parentheses or angle brackets.
    private static string Destination(string url) =>
        url.Length > 0 && !url.Any(c => c is ' ' or '(' or ')' or '<' or '>') ? EscapeDestination(url) : "<" + EscapeDestination(url) + ">";

    private static string EscapeDestination(string url)
    {
        var text = new StringBuilder(url.Length);
        foreach (var c in url)
        {
            if (c is '\\' or '&' or '<' or '>') text.Append('\\');
            text.Append(c);
        }
        return text.ToString();
    }

    private static string EscapeTitle(string title)
    {
        var text = new StringBuilder(title.Length);
        foreach (var c in title)
        {
            if (c is '\\' or '"' or '&') text.Append('\\');
            text.Append(c);
        }
        return text.ToString();
    }

    private static string CodeSpan(string code)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in code)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', longest + 1);
        var pad = code[0] == '`' || code[code.Length - 1] == '`' || (code[0] == ' ' && code[code.Length - 1] == ' ' && code.Trim(' ').Length > 0);
        return pad ? fence + " " + code + " " + fence : fence + code + fence;
    }

    private void WriteAtom(IList<AdfNode> nodes, int index, StringBuilder text, bool startsLine)
    {
        var node = nodes[index];
        switch (node)
        {
            case AdfText t when t.Attributes is null && t.Content is null && t.Properties is { Count: 1 } && t.Text.Length > 0:
                Escape(t.Text, text, startsLine);
                return;
            case AdfHardBreak when node.Attributes is null && node.Properties is null && node.Content is null
                                   && index > 0 && index < nodes.Count - 1 && nodes[index - 1] is not AdfHardBreak && nodes[index + 1] is not AdfHardBreak:
                text.Append('\n');
                return;
        }
        if (node.Content is not null || node.Properties is not null || node.Attributes is null)
        {
            // The whole node as JSON; its marks are written around it already.
            var json = AdfJson.ToJsonObject(node);
            json.Remove("marks");
            text.Append(":adf").Append(Json(json));
            return;
        }
        text.Append(':').Append(node.Type).Append(Json(node.Attributes));
    }

    private static void Escape(string value, StringBuilder text, bool startsLine)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var lineStart = text.Length == 0 ? startsLine : text[text.Length - 1] == '\n';
            switch (c)
            {
                case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '|': case '~': case '&': case '{': case '}': case '#':
                    text.Append('\\').Append(c);
                    break;
                case '\n':
                    text.Append("&#10;");
                    break;
                case '\r':
                    text.Append("&#13;");
                    break;
                case ':' when lineStart || DirectiveSyntax.LooksLikeInline(value, i):
                case '>' or '-' or '+' or '=' or '!' when lineStart:
                    text.Append('\\').Append(c);
                    break;
                case '.' or ')' when IsOrderedMarker(text, startsLine):
                    text.Append('\\').Append(c);
                    break;
                default:
                    if (c < ' ' && c != '\t') text.Append("&#").Append(((int)c).ToString(CultureInfo.InvariantCulture)).Append(';');
                    else text.Append(c);
                    break;
            }
        }
    }

    // "1." or "1)" at the start of a line would start an ordered list.
    private static bool IsOrderedMarker(StringBuilder text, bool startsLine)
    {
        var i = text.Length - 1;
        var digits = 0;
        while (i >= 0 && text[i] is >= '0' and <= '9')
        {
            i--;
            digits++;
        }
        return digits is > 0 and < 10 && (i < 0 ? startsLine : text[i] == '\n');
    }

    // Markdown drops spaces and tabs at the start and end of a line: write those as character references.
    private static string FixLineEdges(string text)
    {
        if (text.Length == 0) return text;
        var result = new StringBuilder(text.Length + 8);
        var lineStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            var line = text.Substring(lineStart, i - lineStart);
            if (line.Length > 0 && line[0] is ' ' or '\t') line = Reference(line[0]) + line.Substring(1);
            if (line.Length > 0 && line[line.Length - 1] is ' ' or '\t') line = line.Substring(0, line.Length - 1) + Reference(line[line.Length - 1]);
            result.Append(line);
            if (i < text.Length) result.Append('\n');
            lineStart = i + 1;
        }
        return result.ToString();
    }

    private static string Reference(char c) => c == ' ' ? "&#32;" : "&#9;";
}
