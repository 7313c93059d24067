using System.Text;
using System.Text.RegularExpressions;

namespace JiraSdk.RichText.Wiki;

/// <summary>
/// Jira wiki markup (REST API v2, Data Center) as ADF: headings, lists, <c>{code}</c>/<c>{noformat}</c>,
/// <c>{quote}</c>/<c>bq.</c>, panels, tables, rules, and the inline marks, links and mentions that
/// <see cref="AdfWikiWriter"/> writes. Macros it does not know are kept as text.
/// </summary>
internal static class AdfWikiReader
{
    private static readonly Regex Heading = new(@"^h([1-6])\.\s*(.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex ListLine = new(@"^([*#-]+)\s+(.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex BlockMacro = new(@"^\{(code|noformat|quote|panel|info|note|warning|tip)(?::([^}]*))?\}\s*$", RegexOptions.CultureInvariant);

    public static AdfDocument Read(string wiki)
    {
        var lines = wiki.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var document = new AdfDocument();
        var index = 0;
        ReadBlocks(lines, ref index, null, document.Blocks);
        return document;
    }

    private static void ReadBlocks(string[] lines, ref int i, string? closing, IList<AdfNode> into)
    {
        var paragraph = new List<string>();
        void Flush()
        {
            if (paragraph.Count == 0) return;
            into.Add(Inline(new AdfParagraph(), string.Join("\n", paragraph)));
            paragraph.Clear();
        }
        while (i < lines.Length)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (closing is not null && trimmed == "{" + closing + "}")
            {
                i++;
                break;
            }
            if (trimmed.Length == 0)
            {
                Flush();
                i++;
                continue;
            }
            if (Heading.Match(trimmed) is { Success: true } heading)
            {
                Flush();
                into.Add(Inline(new AdfHeading { Level = heading.Groups[1].Value[0] - '0' }, heading.Groups[2].Value));
                i++;
                continue;
            }
            if (trimmed.StartsWith("bq. ", StringComparison.Ordinal))
            {
                Flush();
                into.Add(new AdfBlockquote { Content = new List<AdfNode> { Inline(new AdfParagraph(), trimmed.Substring(4)) } });
                i++;
                continue;
            }
            if (trimmed == "----")
            {
                Flush();
                into.Add(new AdfRule());
                i++;
                continue;
            }
            if (BlockMacro.Match(trimmed) is { Success: true } macro)
            {
                Flush();
                i++;
                var name = macro.Groups[1].Value;
                if (name is "code" or "noformat")
                {
                    var code = new StringBuilder();
                    while (i < lines.Length && lines[i].Trim() != "{" + name + "}")
                    {
                        if (code.Length > 0) code.Append('\n');
                        code.Append(lines[i]);
                        i++;
                    }
                    i++;
                    var block = new AdfCodeBlock();
                    var language = macro.Groups[2].Success ? macro.Groups[2].Value.Split('|')[0] : null;
                    if (name == "code" && !string.IsNullOrEmpty(language) && language!.IndexOf('=') < 0) block.Language = language;
                    if (code.Length > 0) block.Content = new List<AdfNode> { new AdfText(code.ToString()) };
                    into.Add(block);
                    continue;
                }
                AdfNode container = name == "quote" ? new AdfBlockquote() : new AdfPanel { PanelType = name switch { "note" => "note", "warning" => "warning", "tip" => "success", _ => "info" } };
                container.Content = new List<AdfNode>();
                ReadBlocks(lines, ref i, name, container.Content);
                into.Add(container);
                continue;
            }
            if (ListLine.Match(line) is { Success: true } && !(line.StartsWith("-", StringComparison.Ordinal) && line.StartsWith("----", StringComparison.Ordinal)))
            {
                Flush();
                into.Add(ReadList(lines, ref i, 1));
                continue;
            }
            if (trimmed.StartsWith("|", StringComparison.Ordinal))
            {
                Flush();
                into.Add(ReadTable(lines, ref i));
                continue;
            }
            paragraph.Add(line);
            i++;
        }
        Flush();
    }

    private static AdfNode ReadList(string[] lines, ref int i, int depth)
    {
        var first = ListLine.Match(lines[i]).Groups[1].Value;
        var kind = first[depth - 1];
        AdfNode list = kind == '#' ? new AdfOrderedList() : new AdfBulletList();
        list.Content = new List<AdfNode>();
        while (i < lines.Length && ListLine.Match(lines[i]) is { Success: true } match && match.Groups[1].Value.Length >= depth)
        {
            var markers = match.Groups[1].Value;
            if (markers.Length == depth)
            {
                if (markers[depth - 1] != kind) break;
                list.Content.Add(new AdfListItem { Content = new List<AdfNode> { Inline(new AdfParagraph(), match.Groups[2].Value) } });
                i++;
            }
            else
            {
                if (list.Content.Count == 0) list.Content.Add(new AdfListItem { Content = new List<AdfNode>() });
                list.Content[list.Content.Count - 1].Content!.Add(ReadList(lines, ref i, depth + 1));
            }
        }
        return list;
    }

    private static AdfNode ReadTable(string[] lines, ref int i)
    {
        var table = new AdfTable { Content = new List<AdfNode>() };
        while (i < lines.Length && lines[i].TrimStart().StartsWith("|", StringComparison.Ordinal))
        {
            var row = new AdfTableRow { Content = new List<AdfNode>() };
            var line = lines[i].Trim();
            var position = 0;
            while (position < line.Length)
            {
                var header = line.Length > position + 1 && line[position + 1] == '|';
                position += header ? 2 : 1;
                var end = FindCellEnd(line, position);
                if (end <= position && end >= line.Length) break;
                var cellText = line.Substring(position, Math.Max(0, end - position)).Replace("\\\\", "\n");
                if (end >= line.Length && cellText.Trim().Length == 0) break;
                AdfNode cell = header ? new AdfTableHeader() : new AdfTableCell();
                cell.Content = new List<AdfNode> { Inline(new AdfParagraph(), cellText.Trim()) };
                row.Content.Add(cell);
                position = end;
            }
            table.Content.Add(row);
            i++;
        }
        return table;
    }

    private static int FindCellEnd(string line, int from)
    {
        var depth = 0;
        for (var i = from; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' && i + 1 < line.Length && line[i + 1] != '\\') i++;
            else if (c == '[' || c == '{') depth++;
            else if ((c == ']' || c == '}') && depth > 0) depth--;
            else if (c == '|' && depth == 0) return i;
        }
        return line.Length;
    }

    private static AdfNode Inline(AdfNode node, string text)
    {
        node.Content = new List<AdfNode>();
        new InlineReader(text).Read(node.Content, Array.Empty<AdfMark>());
        if (node.Content.Count == 0 && node is AdfParagraph) node.Content = new List<AdfNode>();
        return node;
    }

    private sealed class InlineReader
    {
        private static readonly (string Open, string Close, Func<AdfMark> Mark)[] Delimiters =
        {
            ("{{", "}}", () => new AdfCodeMark()),
            ("*", "*", () => new AdfStrongMark()),
            ("_", "_", () => new AdfEmMark()),
            ("??", "??", () => new AdfEmMark()),
            ("-", "-", () => new AdfStrikeMark()),
            ("+", "+", () => new AdfUnderlineMark()),
            ("^", "^", () => new AdfSubsupMark { SubsupType = "sup" }),
            ("~", "~", () => new AdfSubsupMark { SubsupType = "sub" }),
        };

        private readonly string _text;

        public InlineReader(string text) => _text = text;

        public void Read(IList<AdfNode> into, IReadOnlyList<AdfMark> marks) => Read(0, _text.Length, into, marks);

        private void Read(int start, int end, IList<AdfNode> into, IReadOnlyList<AdfMark> marks)
        {
            var text = new StringBuilder();
            void Flush()
            {
                if (text.Length == 0) return;
                Add(into, new AdfText(text.ToString()), marks);
                text.Clear();
            }
            var i = start;
            while (i < end)
            {
                var c = _text[i];
                if (c == '\\' && i + 1 < end && _text[i + 1] == '\\')
                {
                    Flush();
                    Add(into, new AdfHardBreak(), marks);
                    i += 2;
                    continue;
                }
                if (c == '\\' && i + 1 < end)
                {
                    text.Append(_text[i + 1]);
                    i += 2;
                    continue;
                }
                if (c == '\n')
                {
                    Flush();
                    Add(into, new AdfHardBreak(), marks);
                    i++;
                    continue;
                }
                if (c == '[' && FindUnescaped(']', i + 1, end) is var close && close > 0)
                {
                    Flush();
                    ReadLink(_text.Substring(i + 1, close - i - 1), into, marks);
                    i = close + 1;
                    continue;
                }
                if (_text.IndexOf("{color", i, StringComparison.Ordinal) == i && ReadColor(ref i, end, into, marks, Flush)) continue;
                if (TryDelimited(ref i, end, into, marks, Flush)) continue;
                text.Append(c);
                i++;
            }
            Flush();
        }

        private bool ReadColor(ref int i, int end, IList<AdfNode> into, IReadOnlyList<AdfMark> marks, Action flush)
        {
            var header = _text.IndexOf('}', i);
            if (header < 0 || header >= end) return false;
            var closing = _text.IndexOf("{color}", header, StringComparison.Ordinal);
            if (closing < 0 || closing >= end) return false;
            var color = _text.Substring(i + 6, header - i - 6).TrimStart(':');
            flush();
            Read(header + 1, closing, into, With(marks, new AdfTextColorMark { Color = color }));
            i = closing + "{color}".Length;
            return true;
        }

        private bool TryDelimited(ref int i, int end, IList<AdfNode> into, IReadOnlyList<AdfMark> marks, Action flush)
        {
            foreach (var (open, close, mark) in Delimiters)
            {
                if (string.CompareOrdinal(_text, i, open, 0, open.Length) != 0) continue;
                var before = i == 0 ? ' ' : _text[i - 1];
                var contentStart = i + open.Length;
                // Superscript and subscript sit inside words (x^2^, H~2~O); the other marks start at a word's edge.
                var intraword = open is "^" or "~";
                if (open.Length == 1 && ((!intraword && char.IsLetterOrDigit(before)) || contentStart >= end || char.IsWhiteSpace(_text[contentStart]))) continue;
                var closeAt = FindClose(close, contentStart, end, open.Length > 1 || intraword);
                if (closeAt < 0) continue;
                flush();
                if (open == "{{") Add(into, new AdfText(_text.Substring(contentStart, closeAt - contentStart)), With(marks, mark()));
                else Read(contentStart, closeAt, into, With(marks, mark()));
                i = closeAt + close.Length;
                return true;
            }
            return false;
        }

        private int FindClose(string close, int from, int end, bool anywhere)
        {
            for (var j = from + 1; j <= end - close.Length; j++)
            {
                if (_text[j] == '\\') { j++; continue; }
                if (string.CompareOrdinal(_text, j, close, 0, close.Length) != 0) continue;
                if (anywhere) return j;
                var after = j + close.Length < _text.Length ? _text[j + close.Length] : ' ';
                if (!char.IsWhiteSpace(_text[j - 1]) && !char.IsLetterOrDigit(after)) return j;
            }
            return -1;
        }

        private int FindUnescaped(char c, int from, int end)
        {
            for (var j = from; j < end; j++)
            {
                if (_text[j] == '\\') { j++; continue; }
                if (_text[j] == c) return j;
                if (_text[j] == '\n') return -1;
            }
            return -1;
        }

        private static void ReadLink(string inner, IList<AdfNode> into, IReadOnlyList<AdfMark> marks)
        {
            var parts = inner.Split('|');
            if (parts[0].StartsWith("~", StringComparison.Ordinal))
            {
                var user = parts[0].Substring(1);
                var mention = new AdfMention { Id = user.StartsWith("accountid:", StringComparison.Ordinal) ? user.Substring("accountid:".Length) : user };
                Add(into, mention, marks);
                return;
            }
            var href = parts.Length > 1 ? parts[1] : parts[0];
            if (parts.Length > 2 && parts[2] == "smart-link" && parts[0] == parts[1])
            {
                Add(into, new AdfInlineCard { Url = href }, marks);
                return;
            }
            var text = parts.Length > 1 ? parts[0] : parts[0];
            if (text.Length == 0) text = href;
            var linked = new List<AdfNode>();
            new InlineReader(text).Read(linked, With(marks, new AdfLinkMark { Href = href }));
            foreach (var node in linked) into.Add(node);
        }

        private static IReadOnlyList<AdfMark> With(IReadOnlyList<AdfMark> marks, AdfMark mark)
        {
            var list = new List<AdfMark>(marks) { mark };
            return list;
        }

        private static void Add(IList<AdfNode> into, AdfNode node, IReadOnlyList<AdfMark> marks)
        {
            if (marks.Count > 0) node.Marks = new List<AdfMark>(marks);
            if (node is AdfText text && into.Count > 0 && into[into.Count - 1] is AdfText previous && AdfMark.ListsEqual(previous.Marks, node.Marks))
            {
                previous.Text += text.Text;
                return;
            }
            into.Add(node);
        }
    }
}
