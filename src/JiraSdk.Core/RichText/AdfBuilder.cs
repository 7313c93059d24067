namespace JiraSdk.RichText;

/// <summary>
/// Builds ADF documents fluently:
/// <code>
/// var doc = Adf.Document(d => d
///     .Heading(2, "Release")
///     .Paragraph(p => p.Text("Shipped by ").Mention("5b10…", "@Ann").Text(", see ").Link("the notes", "https://…"))
///     .BulletList(l => l.Item("one").Item(i => i.Paragraph("two").CodeBlock("x = 1", "python")))
///     .Panel("info", p => p.Paragraph("Deploys freeze on Friday.")));
/// </code>
/// </summary>
public static class Adf
{
    /// <summary>Builds a document of version 1.</summary>
    /// <param name="build">Adds the top-level blocks.</param>
    public static AdfDocument Document(Action<AdfBlockBuilder> build)
    {
        if (build is null) throw new ArgumentNullException(nameof(build));
        var document = new AdfDocument();
        build(new AdfBlockBuilder(document.Blocks));
        return document;
    }
}

/// <summary>Adds block nodes to a document, list item, table cell, panel, ….</summary>
public sealed class AdfBlockBuilder
{
    private readonly IList<AdfNode> _blocks;

    internal AdfBlockBuilder(IList<AdfNode> blocks) => _blocks = blocks;

    /// <summary>Adds any block node.</summary>
    /// <param name="node">The node.</param>
    public AdfBlockBuilder Add(AdfNode node)
    {
        _blocks.Add(node ?? throw new ArgumentNullException(nameof(node)));
        return this;
    }

    /// <summary>Adds a paragraph of plain text.</summary>
    /// <param name="text">The text; empty gives an empty paragraph.</param>
    public AdfBlockBuilder Paragraph(string text) => Paragraph(p => p.Text(text));

    /// <summary>Adds a paragraph.</summary>
    /// <param name="build">Adds its inline content.</param>
    public AdfBlockBuilder Paragraph(Action<AdfInlineBuilder> build) => Add(Inline(new AdfParagraph(), build));

    /// <summary>Adds a heading of plain text.</summary>
    /// <param name="level">1 to 6.</param>
    /// <param name="text">The text.</param>
    public AdfBlockBuilder Heading(int level, string text) => Heading(level, h => h.Text(text));

    /// <summary>Adds a heading.</summary>
    /// <param name="level">1 to 6.</param>
    /// <param name="build">Adds its inline content.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not 1 to 6.</exception>
    public AdfBlockBuilder Heading(int level, Action<AdfInlineBuilder> build)
    {
        if (level is < 1 or > 6) throw new ArgumentOutOfRangeException(nameof(level), level, "ADF headings have levels 1 to 6.");
        return Add(Inline(new AdfHeading { Level = level }, build));
    }

    /// <summary>Adds a code block.</summary>
    /// <param name="code">The code.</param>
    /// <param name="language">The language, e.g. <c>csharp</c>; <c>null</c> for none.</param>
    public AdfBlockBuilder CodeBlock(string code, string? language = null)
    {
        var block = new AdfCodeBlock();
        if (language is not null) block.Language = language;
        if (!string.IsNullOrEmpty(code)) block.Content = new List<AdfNode> { new AdfText(code) };
        return Add(block);
    }

    /// <summary>Adds a horizontal rule.</summary>
    public AdfBlockBuilder Rule() => Add(new AdfRule());

    /// <summary>Adds a block quote.</summary>
    /// <param name="build">Adds its blocks.</param>
    public AdfBlockBuilder Blockquote(Action<AdfBlockBuilder> build) => Add(Blocks(new AdfBlockquote(), build));

    /// <summary>Adds a panel.</summary>
    /// <param name="panelType"><c>info</c>, <c>note</c>, <c>tip</c>, <c>warning</c>, <c>error</c>, <c>success</c> or <c>custom</c>.</param>
    /// <param name="build">Adds its blocks.</param>
    public AdfBlockBuilder Panel(string panelType, Action<AdfBlockBuilder> build) => Add(Blocks(new AdfPanel { PanelType = panelType }, build));

    /// <summary>Adds an expand (a collapsible section).</summary>
    /// <param name="title">The title.</param>
    /// <param name="build">Adds its blocks.</param>
    public AdfBlockBuilder Expand(string title, Action<AdfBlockBuilder> build) => Add(Blocks(new AdfExpand { Title = title }, build));

    /// <summary>Adds a bulleted list.</summary>
    /// <param name="build">Adds its items.</param>
    public AdfBlockBuilder BulletList(Action<AdfListBuilder> build) => Add(List(new AdfBulletList(), build));

    /// <summary>Adds a numbered list.</summary>
    /// <param name="build">Adds its items.</param>
    /// <param name="start">The first number; 1 writes no <c>order</c> attribute.</param>
    public AdfBlockBuilder OrderedList(Action<AdfListBuilder> build, int start = 1)
    {
        var list = new AdfOrderedList();
        if (start != 1) list.Order = start;
        return Add(List(list, build));
    }

    /// <summary>Adds a task list.</summary>
    /// <param name="build">Adds its tasks.</param>
    /// <param name="localId">The list's <c>localId</c> (Jira's editor sets a UUID; empty is valid).</param>
    public AdfBlockBuilder TaskList(Action<AdfTaskListBuilder> build, string localId = "")
    {
        if (build is null) throw new ArgumentNullException(nameof(build));
        var list = new AdfTaskList { LocalId = localId, Content = new List<AdfNode>() };
        build(new AdfTaskListBuilder(list.Content));
        return Add(list);
    }

    /// <summary>Adds a table; the first row is a header row when <paramref name="header"/> is set.</summary>
    /// <param name="header">Header cells' text, or <c>null</c> for none.</param>
    /// <param name="rows">The other rows' cells' text.</param>
    public AdfBlockBuilder Table(IEnumerable<string>? header, params IEnumerable<string>[] rows)
    {
        var table = new AdfTable { Content = new List<AdfNode>() };
        if (header is not null) table.Content.Add(Row(header, () => new AdfTableHeader()));
        foreach (var row in rows ?? Array.Empty<IEnumerable<string>>()) table.Content.Add(Row(row, () => new AdfTableCell()));
        return Add(table);
    }

    private static AdfNode Row(IEnumerable<string> cells, Func<AdfNode> create)
    {
        var row = new AdfTableRow { Content = new List<AdfNode>() };
        foreach (var text in cells)
        {
            var cell = create();
            cell.Content = new List<AdfNode> { Inline(new AdfParagraph(), p => p.Text(text)) };
            row.Content.Add(cell);
        }
        return row;
    }

    internal static AdfNode Inline(AdfNode node, Action<AdfInlineBuilder> build)
    {
        if (build is null) throw new ArgumentNullException(nameof(build));
        node.Content = new List<AdfNode>();
        build(new AdfInlineBuilder(node.Content));
        return node;
    }

    private static AdfNode Blocks(AdfNode node, Action<AdfBlockBuilder> build)
    {
        if (build is null) throw new ArgumentNullException(nameof(build));
        node.Content = new List<AdfNode>();
        build(new AdfBlockBuilder(node.Content));
        return node;
    }

    private static AdfNode List(AdfNode list, Action<AdfListBuilder> build)
    {
        if (build is null) throw new ArgumentNullException(nameof(build));
        list.Content = new List<AdfNode>();
        build(new AdfListBuilder(list.Content));
        return list;
    }
}

/// <summary>Adds items to a bulleted or numbered list.</summary>
public sealed class AdfListBuilder
{
    private readonly IList<AdfNode> _items;

    internal AdfListBuilder(IList<AdfNode> items) => _items = items;

    /// <summary>Adds an item holding one paragraph of plain text.</summary>
    /// <param name="text">The text.</param>
    public AdfListBuilder Item(string text) => Item(b => b.Paragraph(text));

    /// <summary>Adds an item.</summary>
    /// <param name="build">Adds its blocks (paragraphs, nested lists, code blocks).</param>
    public AdfListBuilder Item(Action<AdfBlockBuilder> build)
    {
        if (build is null) throw new ArgumentNullException(nameof(build));
        var item = new AdfListItem { Content = new List<AdfNode>() };
        build(new AdfBlockBuilder(item.Content));
        _items.Add(item);
        return this;
    }
}

/// <summary>Adds tasks to a task list.</summary>
public sealed class AdfTaskListBuilder
{
    private readonly IList<AdfNode> _items;

    internal AdfTaskListBuilder(IList<AdfNode> items) => _items = items;

    /// <summary>Adds a task.</summary>
    /// <param name="text">The task's text.</param>
    /// <param name="done">Whether it is done (<c>DONE</c>) or not (<c>TODO</c>).</param>
    /// <param name="localId">The task's <c>localId</c> (Jira's editor sets a UUID; empty is valid).</param>
    public AdfTaskListBuilder Task(string text, bool done = false, string localId = "")
    {
        var task = new AdfTaskItem { LocalId = localId, State = done ? "DONE" : "TODO" };
        if (!string.IsNullOrEmpty(text)) AdfBlockBuilder.Inline(task, p => p.Text(text));
        _items.Add(task);
        return this;
    }
}

/// <summary>Adds inline nodes (text, mentions, emoji, …) to a paragraph, heading or task.</summary>
public sealed class AdfInlineBuilder
{
    private readonly IList<AdfNode> _nodes;

    internal AdfInlineBuilder(IList<AdfNode> nodes) => _nodes = nodes;

    /// <summary>Adds any inline node.</summary>
    /// <param name="node">The node.</param>
    public AdfInlineBuilder Add(AdfNode node)
    {
        _nodes.Add(node ?? throw new ArgumentNullException(nameof(node)));
        return this;
    }

    /// <summary>Adds text with marks (none for plain text); empty text adds nothing (ADF text is never empty).</summary>
    /// <param name="text">The text.</param>
    /// <param name="marks">Its marks, outermost first.</param>
    public AdfInlineBuilder Text(string text, params AdfMark[] marks) => string.IsNullOrEmpty(text) ? this : Add(new AdfText(text, marks));

    /// <summary>Adds bold text.</summary>
    /// <param name="text">The text.</param>
    public AdfInlineBuilder Strong(string text) => Text(text, new AdfStrongMark());

    /// <summary>Adds italic text.</summary>
    /// <param name="text">The text.</param>
    public AdfInlineBuilder Em(string text) => Text(text, new AdfEmMark());

    /// <summary>Adds inline code.</summary>
    /// <param name="text">The code.</param>
    public AdfInlineBuilder Code(string text) => Text(text, new AdfCodeMark());

    /// <summary>Adds a link.</summary>
    /// <param name="text">The text shown.</param>
    /// <param name="href">The target URL.</param>
    public AdfInlineBuilder Link(string text, string href) => Text(text, new AdfLinkMark { Href = href });

    /// <summary>Adds a line break.</summary>
    public AdfInlineBuilder HardBreak() => Add(new AdfHardBreak());

    /// <summary>Adds a mention of a user.</summary>
    /// <param name="accountId">The user's account id.</param>
    /// <param name="text">The text shown, e.g. <c>@Ann</c>.</param>
    public AdfInlineBuilder Mention(string accountId, string? text = null)
    {
        var mention = new AdfMention { Id = accountId };
        if (text is not null) mention.Text = text;
        return Add(mention);
    }

    /// <summary>Adds an emoji.</summary>
    /// <param name="shortName">Its short name, e.g. <c>:smile:</c>.</param>
    /// <param name="text">Its text, e.g. 😄.</param>
    public AdfInlineBuilder Emoji(string shortName, string? text = null)
    {
        var emoji = new AdfEmoji { ShortName = shortName };
        if (text is not null) emoji.Text = text;
        return Add(emoji);
    }

    /// <summary>Adds a status lozenge.</summary>
    /// <param name="text">Its text.</param>
    /// <param name="color"><c>neutral</c>, <c>purple</c>, <c>blue</c>, <c>red</c>, <c>yellow</c> or <c>green</c>.</param>
    public AdfInlineBuilder Status(string text, string color = "neutral") => Add(new AdfStatus { Text = text, Color = color });

    /// <summary>Adds a date.</summary>
    /// <param name="date">The date (its UTC midnight is stored, as milliseconds since the Unix epoch).</param>
    public AdfInlineBuilder Date(DateTimeOffset date) =>
        Add(new AdfDate { Timestamp = new DateTimeOffset(date.UtcDateTime.Date, TimeSpan.Zero).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>Adds an inline card (a smart link).</summary>
    /// <param name="url">The URL.</param>
    public AdfInlineBuilder InlineCard(string url) => Add(new AdfInlineCard { Url = url });
}
