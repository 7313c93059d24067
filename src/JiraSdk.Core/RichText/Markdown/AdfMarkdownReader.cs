using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace JiraSdk.RichText.Markdown;

/// <summary>Turns Markdig's syntax tree into ADF.</summary>
internal static class AdfMarkdownReader
{
    public static AdfDocument Read(MarkdownDocument markdown)
    {
        // A document written whole as ::adf{…} (the writer's last resort) is that document.
        if (markdown.Count == 1 && markdown[0] is DirectiveLeafBlock { Name: "adf", Json: { } json } && AdfJsonValues.GetString(json, "type") == "doc")
            return AdfDocument.FromJson(json);
        var document = new AdfDocument();
        ReadBlocks(markdown, document.Blocks, topLevel: true);
        return document;
    }

    /// <param name="container">The Markdown blocks to read.</param>
    /// <param name="into">Where the ADF blocks go.</param>
    /// <param name="headings">Whether ADF allows headings here: list items and quotes take none, so a Markdown heading
    /// there becomes a bold paragraph and the document stays valid.</param>
    /// <param name="topLevel">Whether these are the document's own blocks (rather than a container's).</param>
    private static void ReadBlocks(IEnumerable<Block> container, IList<AdfNode> into, bool headings = true, bool topLevel = false)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case ParagraphBlock paragraph when topLevel && ExternalImage(paragraph) is { } image:
                    into.Add(image);
                    break;
                case ParagraphBlock paragraph:
                    into.Add(Inlines(new AdfParagraph(), paragraph.Inline));
                    break;
                case HeadingBlock heading when headings:
                    into.Add(Inlines(new AdfHeading { Level = heading.Level }, heading.Inline));
                    break;
                case HeadingBlock heading:
                    into.Add(Inlines(new AdfParagraph(), heading.Inline, new AdfStrongMark()));
                    break;
                case QuoteBlock quote:
                    var blockquote = new AdfBlockquote { Content = new List<AdfNode>() };
                    ReadBlocks(quote, blockquote.Content, headings: false);
                    if (blockquote.Content.Count == 0) blockquote.Content.Add(new AdfParagraph());
                    AddAll(into, Lift(blockquote, QuoteRefuses));
                    break;
                case ListBlock list:
                    ReadList(list, into);
                    break;
                case FencedCodeBlock fenced:
                    into.Add(Code(string.IsNullOrEmpty(fenced.Info) ? null : fenced.Info + (string.IsNullOrEmpty(fenced.Arguments) ? string.Empty : " " + fenced.Arguments), fenced));
                    break;
                case CodeBlock code:
                    into.Add(Code(null, code));
                    break;
                case ThematicBreakBlock:
                    into.Add(new AdfRule());
                    break;
                case Table table:
                    into.Add(ReadTable(table));
                    break;
                case DirectiveLeafBlock leaf:
                    into.Add(DirectiveNode(leaf.Name, leaf.Json));
                    break;
                case DirectiveContainerBlock directive:
                    var node = DirectiveNode(directive.Name, directive.Json);
                    node.Content = new List<AdfNode>();
                    if (node.HasInlineContent)
                    {
                        if (directive.Count > 0 && directive[0] is ParagraphBlock { Inline: var inline }) Inlines(node, inline);
                    }
                    else ReadBlocks(directive, node.Content);
                    into.Add(node);
                    break;
                case LinkReferenceDefinitionGroup:
                case BlankLineBlock:
                    break;
                case LeafBlock other:
                    // HTML is disabled, so this is only reached by syntax a future Markdig adds: keep its text.
                    into.Add(new AdfParagraph { Content = new List<AdfNode> { new AdfText(other.Lines.ToString()) } });
                    break;
                case ContainerBlock other:
                    ReadBlocks(other, into);
                    break;
            }
        }
    }

    private static AdfCodeBlock Code(string? language, LeafBlock code)
    {
        var block = new AdfCodeBlock();
        if (language is not null) block.Language = language;
        var text = code.Lines.ToString();
        if (text.Length > 0) block.Content = new List<AdfNode> { new AdfText(text) };
        return block;
    }

    private static void ReadList(ListBlock list, IList<AdfNode> into)
    {
        if (list.Count > 0 && list.All(item => item is ListItemBlock { Count: > 0 } li && li[0] is ParagraphBlock { Inline.FirstChild: TaskList }))
        {
            AddAll(into, Lift(ReadTaskList(list), TaskListRefuses));
            return;
        }
        AdfNode result;
        if (list.IsOrdered)
        {
            var ordered = new AdfOrderedList();
            if (int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var start) && start != 1) ordered.Order = start;
            result = ordered;
        }
        else result = new AdfBulletList();
        result.Content = new List<AdfNode>();
        foreach (var block in list)
        {
            var item = new AdfListItem { Content = new List<AdfNode>() };
            if (block is ListItemBlock listItem) ReadBlocks(listItem, item.Content, headings: false);
            if (item.Content.Count == 0) item.Content.Add(new AdfParagraph());
            foreach (var part in Lift(item, ListItemRefuses)) result.Content.Add(part);
        }
        // A block lifted out of an item splits the list around it; an ordered list goes on counting after it.
        var number = (result as AdfOrderedList)?.Order ?? 1;
        foreach (var part in Lift(result, node => node is not AdfListItem))
        {
            if (part is AdfOrderedList ordered)
            {
                if (part != result && number != 1) ordered.Order = number;
                number += ordered.Content!.Count;
            }
            into.Add(part);
        }
    }

    // What ADF does not allow where Markdown puts it (../shared/adf/full.json: listItem, blockquote, taskList content),
    // for the blocks Markdown syntax makes. Nodes written as directives are the writer's or the author's explicit ADF
    // and stay where they are, so a document that Jira accepts reads back as it was written.
    private static readonly HashSet<string> ListItemRefuses = new(StringComparer.Ordinal)
        { AdfBlockquote.TypeName, AdfRule.TypeName, AdfTable.TypeName, AdfHeading.TypeName };

    private static readonly HashSet<string> QuoteRefuses = new(StringComparer.Ordinal)
        { AdfBlockquote.TypeName, AdfRule.TypeName, AdfTable.TypeName, AdfHeading.TypeName, AdfTaskList.TypeName };

    private static readonly HashSet<string> TaskListRefuses = new(StringComparer.Ordinal)
    {
        AdfParagraph.TypeName, AdfCodeBlock.TypeName, AdfBulletList.TypeName, AdfOrderedList.TypeName, AdfBlockquote.TypeName,
        AdfRule.TypeName, AdfTable.TypeName, AdfHeading.TypeName,
    };

    private static IEnumerable<AdfNode> Lift(AdfNode container, HashSet<string> refuses) => Lift(container, node => refuses.Contains(node.Type));

    /// <summary>
    /// <paramref name="container"/> with every child it may not hold lifted out after it: the container ends before such a
    /// child and goes on in a copy of itself (same attributes and marks) after it, so the order of the content stays and
    /// no container is left empty. The caller lifts further whatever its own level may not hold either.
    /// </summary>
    private static IEnumerable<AdfNode> Lift(AdfNode container, Func<AdfNode, bool> refuses)
    {
        if (container.Content is not { } content || !content.Any(refuses))
        {
            yield return container;
            yield break;
        }
        AdfNode? part = null;
        var first = true;
        foreach (var child in content)
        {
            if (refuses(child))
            {
                if (part is not null) yield return part;
                part = null;
                yield return child;
                continue;
            }
            if (part is null)
            {
                // The first part is the container itself (its content now being rebuilt), later ones are copies.
                part = first ? container : CopyOf(container);
                if (first) container.Content = new List<AdfNode>();
                first = false;
            }
            part.Content!.Add(child);
        }
        if (part is not null) yield return part;
    }

    private static AdfNode CopyOf(AdfNode container)
    {
        var copy = AdfNode.Create(container.Type);
        copy.Attributes = (JsonObject?)container.Attributes?.DeepClone();
        copy.Properties = (JsonObject?)container.Properties?.DeepClone();
        if (container.Marks is { } marks) copy.Marks = marks.ToList();
        copy.Content = new List<AdfNode>();
        return copy;
    }

    private static void AddAll(IList<AdfNode> into, IEnumerable<AdfNode> nodes)
    {
        foreach (var node in nodes) into.Add(node);
    }

    private static AdfTaskList ReadTaskList(ListBlock list)
    {
        var tasks = new AdfTaskList { LocalId = string.Empty, Content = new List<AdfNode>() };
        foreach (ListItemBlock item in list)
        {
            var paragraph = (ParagraphBlock)item[0];
            var box = (TaskList)paragraph.Inline!.FirstChild!;
            var task = new AdfTaskItem { LocalId = string.Empty, State = box.Checked ? "DONE" : "TODO" };
            box.Remove();
            // The space after "[ ]" separates the box from the text.
            if (paragraph.Inline.FirstChild is LiteralInline { Content: var first } literal && first.Length > 0 && first.CurrentChar == ' ')
            {
                var trimmed = first;
                trimmed.Start++;
                literal.Content = trimmed;
            }
            Inlines(task, paragraph.Inline);
            if (task.Content is { Count: 0 }) task.Content = null;
            tasks.Content.Add(task);
            // Blocks under an item: nested task lists are siblings of the item in ADF; other blocks are lifted out (below).
            for (var i = 1; i < item.Count; i++)
            {
                ReadBlocks(new[] { item[i] }, tasks.Content);
            }
        }
        return tasks;
    }

    private static AdfTable ReadTable(Table table)
    {
        var result = new AdfTable { Content = new List<AdfNode>() };
        foreach (var rowBlock in table)
        {
            if (rowBlock is not TableRow row) continue;
            var adfRow = new AdfTableRow { Content = new List<AdfNode>() };
            foreach (var cellBlock in row)
            {
                if (cellBlock is not TableCell cell) continue;
                AdfNode adfCell = row.IsHeader ? new AdfTableHeader() : new AdfTableCell();
                adfCell.Content = new List<AdfNode>();
                ReadBlocks(cell, adfCell.Content);
                if (adfCell.Content.Count == 0) adfCell.Content.Add(new AdfParagraph());
                // Column alignment is ADF's alignment mark on the cell's paragraphs (left is ADF's default: no mark).
                // Pipe tables have no spans: a cell's column is its position in the row (Markdig sets ColumnIndex for grid tables only).
                var column = adfRow.Content.Count;
                var align = column < table.ColumnDefinitions.Count
                    ? table.ColumnDefinitions[column].Alignment switch { TableColumnAlign.Center => "center", TableColumnAlign.Right => "end", _ => null }
                    : null;
                if (align is not null)
                    foreach (var paragraph in adfCell.Content.OfType<AdfParagraph>())
                        paragraph.Marks = new List<AdfMark> { new AdfAlignmentMark { Align = align } };
                adfRow.Content.Add(adfCell);
            }
            result.Content.Add(adfRow);
        }
        return result;
    }

    /// <summary>
    /// A top-level paragraph that is only an image (<c>![alt](url)</c>, no title): ADF's image from a URL, a
    /// <c>mediaSingle</c> (layout <c>center</c>, as Jira's editor inserts one) holding an <c>external</c> media node.
    /// Images elsewhere (among text, in lists, quotes and cells) stay their alt text linked to the image.
    /// </summary>
    private static AdfNode? ExternalImage(ParagraphBlock paragraph)
    {
        if (paragraph.Inline?.FirstChild is not LinkInline { IsImage: true } image || image.NextSibling is not null) return null;
        var url = image.GetDynamicUrl?.Invoke() ?? image.Url;
        if (string.IsNullOrEmpty(url) || !string.IsNullOrEmpty(image.Title)) return null;
        var alt = new StringBuilder();
        for (var inline = image.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (inline is not LiteralInline literal) return null;
            alt.Append(literal.Content.ToString());
        }
        var media = new AdfMedia { MediaType = "external", Url = url };
        if (alt.Length > 0) media.Alt = alt.ToString();
        return new AdfMediaSingle { Layout = "center", Content = new List<AdfNode> { media } };
    }

    private static AdfNode DirectiveNode(string name, JsonObject? json)
    {
        if (name == "adf" && json is not null) return AdfJson.ReadNode(json, "directive");
        var node = AdfNode.Create(name);
        node.Attributes = json;
        return node;
    }

    private static AdfMark DirectiveMark(string name, JsonObject? json)
    {
        if (name == "adf" && json is not null)
            return AdfJsonValues.GetString(json, "type") is not null ? AdfJson.ReadMark(json) : throw new AdfFormatException("Markdown: :adf[…]{…} needs a mark's JSON with its 'type'.");
        var mark = AdfMark.Create(name);
        mark.Attributes = json;
        return mark;
    }

    private static AdfNode Inlines(AdfNode node, ContainerInline? inlines, params AdfMark[] marks)
    {
        node.Content = new List<AdfNode>();
        if (inlines is not null) ReadInlines(inlines, marks, node.Content);
        return node;
    }

    private static void ReadInlines(ContainerInline container, IReadOnlyList<AdfMark> marks, IList<AdfNode> into)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    AddText(into, literal.Content.ToString(), marks);
                    break;
                case HtmlEntityInline entity:
                    AddText(into, entity.Transcoded.ToString(), marks);
                    break;
                case CodeInline code:
                    // ADF's code mark combines only with link and annotation: **`x`** is code, as Jira's editor makes it.
                    AddText(into, code.Content, With(marks.Where(m => m is AdfLinkMark or AdfAnnotationMark).ToList(), new AdfCodeMark()));
                    break;
                case LineBreakInline:
                    AddNode(into, new AdfHardBreak(), marks);
                    break;
                case EmphasisInline emphasis:
                    AdfMark mark = emphasis.DelimiterChar == '~' ? new AdfStrikeMark() : emphasis.DelimiterCount >= 2 ? new AdfStrongMark() : new AdfEmMark();
                    ReadInlines(emphasis, With(marks, mark), into);
                    break;
                case LinkInline { IsImage: true } image:
                    // ADF has no inline image from a URL: the image becomes its alt text linked to the image.
                    ReadInlines(image, With(marks, Link(image.GetDynamicUrl?.Invoke() ?? image.Url ?? string.Empty, image.Title)), into);
                    break;
                case LinkInline link:
                    var linkMark = Link(link.GetDynamicUrl?.Invoke() ?? link.Url ?? string.Empty, link.Title);
                    if (link.IsAutoLink) AddText(into, link.Url ?? string.Empty, With(marks, linkMark));
                    else ReadInlines(link, With(marks, linkMark), into);
                    break;
                case DirectiveInline directive when directive.Content is { } content:
                    ReadInlines(content, With(marks, DirectiveMark(directive.Name, directive.Json)), into);
                    break;
                case DirectiveInline directive:
                    AddNode(into, DirectiveNode(directive.Name, directive.Json), marks);
                    break;
                case ContainerInline nested:
                    ReadInlines(nested, marks, into);
                    break;
                case TaskList box:
                    AddText(into, box.Checked ? "[x]" : "[ ]", marks);
                    break;
                default:
                    AddText(into, inline.ToString() ?? string.Empty, marks);
                    break;
            }
        }
    }

    private static AdfLinkMark Link(string href, string? title)
    {
        var link = new AdfLinkMark { Href = href };
        if (!string.IsNullOrEmpty(title)) link.Title = title;
        return link;
    }

    private static IReadOnlyList<AdfMark> With(IReadOnlyList<AdfMark> marks, AdfMark mark)
    {
        var list = new List<AdfMark>(marks.Count + 1);
        list.AddRange(marks);
        list.Add(mark);
        return list;
    }

    private static void AddText(IList<AdfNode> into, string text, IReadOnlyList<AdfMark> marks)
    {
        if (text.Length == 0) return;
        // Markdig splits text at every character that might start syntax; ADF keeps one run per set of marks.
        if (into.Count > 0 && into[into.Count - 1] is AdfText previous && AdfMark.ListsEqual(previous.Marks, marks.Count == 0 ? null : marks.ToList()))
        {
            previous.Text += text;
            return;
        }
        AddNode(into, new AdfText(text), marks);
    }

    private static void AddNode(IList<AdfNode> into, AdfNode node, IReadOnlyList<AdfMark> marks)
    {
        if (marks.Count > 0)
        {
            var list = node.Marks ?? new List<AdfMark>();
            for (var i = 0; i < marks.Count; i++) list.Insert(i, marks[i]);
            node.Marks = list;
        }
        into.Add(node);
    }
}
